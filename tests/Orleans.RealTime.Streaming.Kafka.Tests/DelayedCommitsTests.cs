using Orleans.RealTime.Streaming.Kafka.Providers;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class DelayedCommitsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnOffset_IsReadyOnlyOnceItHasBeenCommittableForTheDelay_TheNewestReadyWins()
    {
        var commits = new DelayedCommits();
        commits.Note(10, T0);
        commits.Note(10, T0.AddSeconds(5));
        commits.Note(25, T0.AddSeconds(20));
        commits.Note(null, T0.AddSeconds(21));
        commits.Note(40, T0.AddSeconds(30));

        Assert.Null(commits.ReadyAt(T0.AddSeconds(-1)));
        Assert.Equal(10, commits.ReadyAt(T0.AddSeconds(19)));
        Assert.Equal(25, commits.ReadyAt(T0.AddSeconds(29)));
        Assert.Equal(25, commits.ReadyAt(T0.AddSeconds(29)));
        Assert.Equal(40, commits.ReadyAt(T0.AddSeconds(30)));
    }

    [Fact]
    public void AnOffsetBelowTheNewestNoted_IsIgnored()
    {
        var commits = new DelayedCommits();
        commits.Note(30, T0);
        commits.Note(20, T0.AddSeconds(1));

        Assert.Equal(30, commits.ReadyAt(T0.AddSeconds(10)));
    }
}
