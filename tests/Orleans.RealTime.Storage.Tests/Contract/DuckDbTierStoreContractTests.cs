namespace Orleans.RealTime.Storage.Tests.Contract;

public sealed class DuckDbTierStoreContractTests : TierStoreContractTests
{
    private readonly TempDirectory _directory = new();

    protected override async Task<ITierStore> CreateStoreAsync() => await DuckDbTierStore.OpenAsync(Path.Combine(_directory.Path, "hot.duckdb"));

    protected override Task CleanUpAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
