using Xunit.Sdk;

namespace Orleans.RealTime.Storage.Tests.Contract;

/// <summary>
/// A test of the tier-store contract, run once per derived suite; skipped in a suite marked with
/// <see cref="RequiresEnvironmentVariableAttribute"/> when that variable is not set (xunit 2 has no dynamic skip,
/// so the discoverer decides per test class).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Orleans.RealTime.Storage.Tests.Contract.ContractFactDiscoverer", "Orleans.RealTime.Storage.Tests")]
public sealed class ContractFactAttribute : FactAttribute;
