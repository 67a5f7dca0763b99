using JobMatch.Api.Privacy;

namespace JobMatch.Api.Tests.Privacy;

/// <summary>A mobile number is what the database's CHECK (^1[3-9][0-9]{9}$) and the mentors' rule call one, nothing looser.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678\n")]
    [InlineData("1381234567\u0668")]
    public void ANumberThatTheDatabaseWouldRefuseIsNotAMobileNumber(string text) => Assert.Null(PhoneNumber.Normalize(text));

    [Theory]
    [InlineData("138 1234 5678")]
    [InlineData("+86 138-1234-5678")]
    [InlineData("１３８１２３４５６７８")]
    public void SpacesDashesThePrefixAndFullWidthDigitsStillRead(string text) => Assert.Equal("13812345678", PhoneNumber.Normalize(text));
}
