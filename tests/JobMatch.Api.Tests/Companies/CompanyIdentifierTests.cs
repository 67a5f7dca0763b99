using JobMatch.Api.Companies;

namespace JobMatch.Api.Tests.Companies;

public sealed class CompanyIdentifierTests
{
    [Theory]
    [InlineData("91350100M000100Y43", true)] // the example printed in GB 32100-2015
    [InlineData("91340400705000001E", true)]
    [InlineData("91350100M000100Y44", false)]
    [InlineData("91350100M000100Y4", false)]
    [InlineData("91350100I000100Y43", false)] // I is not in the code's alphabet
    [InlineData(null, false)]
    public void CreditCodeCheckCharacter(string? code, bool valid) => Assert.Equal(valid, CreditCode.IsValid(code));

    [Fact]
    public void FullWidthCreditCodeIsNormalised() => Assert.Equal("91350100M000100Y43", CreditCode.Normalize(" ９１３５０１００ｍ０００１００ｙ４３ "));

    [Theory]
    [InlineData("安徽山河药用辅料股份有限公司", "安徽山河药用辅料")]
    [InlineData("安徽山河药用辅料", "安徽山河药用辅料")]
    [InlineData("淮南矿业（集团）有限责任公司", "淮南矿业集团")]
    [InlineData("ＡＢＣ 物流 有限公司", "abc物流")]
    public void CompanyNamesWithAndWithoutLegalSuffixMatch(string name, string normalized) =>
        Assert.Equal(normalized, CompanyName.Normalize(name));
}
