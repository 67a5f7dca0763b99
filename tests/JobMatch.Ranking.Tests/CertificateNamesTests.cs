using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Ranking.Tests;

public sealed class CertificateNamesTests
{
    [Theory]
    [InlineData("B2驾驶证", "B2")]
    [InlineData("驾驶证B2", "B2")]
    [InlineData("B2照", "B2")]
    [InlineData("Ｂ２驾驶证", "B2")]
    [InlineData("驾驶证：A2", "A2")]
    [InlineData("C1", "C1")]
    [InlineData("A1、A2", "A1,A2")]
    [InlineData("A1/A2", "A1,A2")]
    [InlineData("A1A2", "A1,A2")]
    public void EveryWritingOfADrivingLicenceGivesItsClasses(string text, string classes)
    {
        Assert.Equal(classes.Split(','), CertificateNames.LicenceClasses(text));
        Assert.Equal(classes.Split(','), CertificateNames.Parse([text]).LicenceClasses);
    }

    [Theory]
    [InlineData("电工证（低压）", "电工证（低压）")]
    [InlineData("低压电工作业证", "电工证（低压）")]
    [InlineData("焊工证", "焊工证")]
    [InlineData("高处作业证", "高处作业证")]
    public void SpecialOperationCertificatesAreSortedUnderTheirCanonicalName(string text, string canonical)
    {
        var set = CertificateNames.Parse([text]);

        Assert.Equal([canonical], set.SpecialOperations);
        Assert.Empty(set.LicenceClasses);
        Assert.Empty(set.SpecialEquipment);
        Assert.Empty(set.Others);
    }

    [Fact]
    public void AForkliftCertificateIsSpecialEquipmentAndASecurityGuardCertificateIsAnOther()
    {
        var set = CertificateNames.Parse(["叉车证", "保安员证", "健康证"]);

        Assert.Equal(["叉车证"], set.SpecialEquipment);
        Assert.Equal(["保安员证", "健康证"], set.Others);
        Assert.Empty(set.SpecialOperations);
        Assert.Empty(set.LicenceClasses);
    }

    [Fact]
    public void ARosterCellOfEveryKindIsSortedOnceEach()
    {
        var set = CertificateNames.Parse(["B2驾驶证", "驾驶证B2", "B2照", "叉车证", "电工证（低压）", "焊工证", "高处作业证", "保安员证"]);

        Assert.Equal(["B2"], set.LicenceClasses);
        Assert.Equal(["电工证（低压）", "焊工证", "高处作业证"], set.SpecialOperations);
        Assert.Equal(["叉车证"], set.SpecialEquipment);
        Assert.Equal(["保安员证"], set.Others);
    }

    [Fact]
    public void TextThatNamesNoLicenceGivesNoClass()
    {
        Assert.Empty(CertificateNames.LicenceClasses("保安员证"));
        Assert.Empty(CertificateNames.LicenceClasses("驾驶证"));
        Assert.Empty(CertificateNames.LicenceClasses("营业执照"));
        Assert.Null(CertificateNames.GatedOf("保安员证"));
        Assert.Equal("保安员证", CertificateNames.Canonical(" 保安员证 "));
    }
}
