namespace Orleans.RealTime.Storage.Tests.Contract;

public sealed class ParquetTierStoreContractTests : TierStoreContractTests
{
    protected override async Task<ITierStore> CreateStoreAsync() => await ParquetTierStore.OpenAsync(Path.Combine(ScratchPath, "cold"));
}
