using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Ranking.Tests;

public sealed class CertificateNamesTests
{
    [Theory]
    [InlineData("B2驾驶证", "B2")]
    [InlineData("驾驶证B2", "B2")]
    [InlineData("B2照", "B2")]
    [InlineData("Ｂ２驾驶证", "B2")]
    [InlineData("A1", "A1")]
    [InlineData("准驾车型：A2", "A2")]
    public void DrivingLicencesInAnyCommonWritingBecomeLicenceClasses(string written, string licence) =>
        Assert.Equal([licence], CertificateNames.Parse([written]).LicenceClasses);

    [Theory]
    [InlineData("叉车证", "叉车证", CertificateKind.SpecialEquipment)]
    [InlineData("特种设备作业人员证（叉车）", "叉车证", CertificateKind.SpecialEquipment)]
    [InlineData("电工证（低压）", "电工证（低压）", CertificateKind.SpecialOperation)]
    [InlineData("低压电工作业证", "电工证（低压）", CertificateKind.SpecialOperation)]
    [InlineData("焊工证", "焊工证", CertificateKind.SpecialOperation)]
    [InlineData("高处作业证", "高处作业证", CertificateKind.SpecialOperation)]
    public void SpecialOperationAndEquipmentCertificatesAreNormalised(string written, string canonical, CertificateKind kind)
    {
        Assert.Equal(canonical, CertificateNames.Canonical(written));
        Assert.Equal(kind, CertificateNames.GatedOf(written)?.Kind);
    }

    [Fact]
    public void OtherCertificatesStayAsWritten()
    {
        var parsed = CertificateNames.Parse(["保安员证", "A1", "A2", "叉车证"]);

        Assert.Equal(["保安员证"], parsed.Others);
        Assert.Equal(["A1", "A2"], parsed.LicenceClasses);
        Assert.Equal(["叉车证"], parsed.SpecialEquipment);
        Assert.Null(CertificateNames.GatedOf("健康证"));
    }
}
