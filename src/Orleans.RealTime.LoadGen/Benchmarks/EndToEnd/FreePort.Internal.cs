namespace Orleans.RealTime.Testing;

/// <summary>
/// The load generator's part of <see cref="FreePort"/>, whose code it compiles from the tests' shared fixtures
/// (<c>tests/Orleans.RealTime.Testing/FreePort.cs</c>): the benchmarks' host and redis-server ports.
/// </summary>
internal static partial class FreePort;
