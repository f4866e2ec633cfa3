namespace Orleans.RealTime.Sessions.Storage;

/// <summary>Which grain's which state a <see cref="CompactGrainStorage"/> entry holds.</summary>
internal readonly record struct StoredStateKey(string StateName, GrainId GrainId);
