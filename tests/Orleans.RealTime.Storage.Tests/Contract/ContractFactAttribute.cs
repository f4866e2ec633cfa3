namespace Orleans.RealTime.Storage.Tests.Contract;

/// <summary>A test of the tier-store contract, run once per derived suite.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;
