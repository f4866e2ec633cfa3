namespace Orleans.RealTime.Storage.Tests.Contract;

public sealed class ParquetTierStoreContractTests : TierStoreContractTests
{
    private readonly TempDirectory _directory = new();

    protected override async Task<ITierStore> CreateStoreAsync() => await ParquetTierStore.OpenAsync(Path.Combine(_directory.Path, "cold"));

    protected override Task CleanUpAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
