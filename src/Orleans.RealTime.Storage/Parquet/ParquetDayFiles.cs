namespace Orleans.RealTime.Storage;

/// <summary>The immutable files that make up one day of the cold tier, as listed in the manifest.</summary>
/// <param name="EventsFile">The events file, relative to the store root; null when the day has no events.</param>
/// <param name="EventRows">Rows in <paramref name="EventsFile"/>.</param>
/// <param name="SessionsFile">The sessions file, relative to the store root; null when the day has no sessions.</param>
/// <param name="SessionRows">Rows in <paramref name="SessionsFile"/>.</param>
public sealed record ParquetDayFiles(string? EventsFile, long EventRows, string? SessionsFile, long SessionRows);
