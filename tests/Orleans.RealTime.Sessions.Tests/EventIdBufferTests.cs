namespace Orleans.RealTime.Sessions.Tests;

public sealed class EventIdBufferTests
{
    [Fact]
    public void Set_LongerThenShorterIds_GivesEachBack_AndClearGivesEmpty()
    {
        var buffer = new EventIdBuffer();
        Assert.Equal("", buffer.ToString());

        buffer.Set("a-short-id");
        Assert.Equal("a-short-id", buffer.ToString());
        buffer.Set("9f1c2d3e-4b5a-6789-abcd-0123456789ef");
        Assert.Equal("9f1c2d3e-4b5a-6789-abcd-0123456789ef", buffer.ToString());
        buffer.Set("e2");
        Assert.Equal("e2", buffer.ToString());

        buffer.Clear();
        Assert.Equal("", buffer.ToString());
    }

    [Fact]
    public void Set_KeepsNoReferenceToTheCallersString()
    {
        var buffer = new EventIdBuffer();
        var id = new string('x', 3) + "-id";
        buffer.Set(id);

        Assert.NotSame(id, buffer.ToString());
        Assert.Equal(id, buffer.ToString());
    }
}
