namespace Orleans.RealTime.Testing;

/// <summary>The test fixtures' part of <see cref="FreePort"/>: public to every test project.</summary>
public static partial class FreePort;
