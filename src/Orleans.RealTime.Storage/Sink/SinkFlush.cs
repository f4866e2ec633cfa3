namespace Orleans.RealTime.Storage;

/// <summary>What writing one sink batch did.</summary>
/// <param name="Positions">The offsets to commit now that the rows are stored, one per partition.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Rejected">Records skipped because they did not decode or validate.</param>
public sealed record SinkFlush(IReadOnlyList<SinkPosition> Positions, int Rows, IReadOnlyList<SinkRejection> Rejected);
