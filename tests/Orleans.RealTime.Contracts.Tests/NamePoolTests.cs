using Orleans.RealTime.Contracts.Text;

namespace Orleans.RealTime.Contracts.Tests;

public sealed class NamePoolTests
{
    [Fact]
    public void EqualNames_GetTheFirstInstanceSeen()
    {
        var pool = new NamePool(capacity: 10);
        var first = new string("P1".AsSpan());

        Assert.Same(first, pool.Get(first));
        Assert.Same(first, pool.Get(new string("P1".AsSpan())));
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void PastItsCapacity_NewNamesAreReturnedAsGiven_AndNotKept()
    {
        var pool = new NamePool(capacity: 2);
        pool.Get("a");
        pool.Get("b");
        var c = new string("c".AsSpan());

        Assert.Same(c, pool.Get(c));
        Assert.NotSame(c, pool.Get(new string("c".AsSpan())));
        Assert.Equal(2, pool.Count);
        Assert.Same("a", pool.Get(new string("a".AsSpan())));
    }
}
