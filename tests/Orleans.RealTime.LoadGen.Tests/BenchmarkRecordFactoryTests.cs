using Google.Protobuf;
using Microsoft.Extensions.Time.Testing;
using Orleans.RealTime.Contracts.Validation;
using Orleans.RealTime.LoadGen.Benchmarks.Kafka;

namespace Orleans.RealTime.LoadGen.Tests;

public sealed class BenchmarkRecordFactoryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Create_ManySequences_ValidThreeHundredByteEventsKeyedByTheirUser()
    {
        var factory = new BenchmarkRecordFactory(10_000, _time);
        var validator = new UserInteractionValidator(_time);

        foreach (var sequence in new[] { 0, 1, 9_999, 10_000, 123_456, 2_000_000 })
        {
            var interaction = factory.Create(sequence);
            Assert.True(validator.Validate(interaction).IsValid, validator.Validate(interaction).ToString());
            Assert.Equal(300, interaction.ToByteArray().Length);
            Assert.Equal(factory.UserFor(sequence), interaction.UserId);
            Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), interaction.Timestamp);
        }
    }

    [Fact]
    public void UserFor_TenThousandUsers_CyclesOverExactlyThatManyKeys()
    {
        var factory = new BenchmarkRecordFactory(10_000, _time);

        var users = Enumerable.Range(0, 30_000).Select(factory.UserFor).ToHashSet();

        Assert.Equal(10_000, users.Count);
        Assert.Equal("user-00000", factory.UserFor(10_000));
    }

    [Fact]
    public void Settings_MoreRecordsThanTheEmbeddedBrokerRetains_Throw()
    {
        var error = Assert.Throws<ArgumentException>(() => new KafkaBenchmarkSettings(10_000_000, 10_000, 8).Validate());
        Assert.Contains("--records", error.Message);
    }
}
