namespace Orleans.RealTime.Sessions.Storage;

/// <summary>One stored state: its serialized bytes and the version its ETag is made of.</summary>
internal sealed record StoredState(byte[] Data, long Version);
