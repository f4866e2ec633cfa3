namespace Orleans.RealTime.Storage.Tests.Contract;

public sealed class DuckDbTierStoreContractTests : TierStoreContractTests
{
    protected override async Task<ITierStore> CreateStoreAsync() => await DuckDbTierStore.OpenAsync(Path.Combine(ScratchPath, "hot.duckdb"));
}
