using JobMatch.Api.Conventions;

namespace JobMatch.Api.Tests.Conventions;

public sealed class PagingTests
{
    [Theory]
    [InlineData(null, 20)]
    [InlineData(0, 1)]
    [InlineData(50, 50)]
    [InlineData(1000, 100)]
    public void LimitsAreClamped(int? asked, int used) => Assert.Equal(used, Paging.Clamp(asked));

    [Fact]
    public void CursorRoundTripsAndRejectsForeignText()
    {
        var id = Guid.CreateVersion7();
        Assert.True(Paging.TryDecode(Paging.Encode(id), out var decoded));
        Assert.Equal(id, decoded);
        Assert.False(Paging.TryDecode("abc", out _));
        Assert.True(Paging.TryDecode(null, out var none));
        Assert.Null(none);
    }
}

