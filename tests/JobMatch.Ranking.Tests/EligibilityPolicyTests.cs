using JobMatch.Ranking.Policy;
using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Tests;

public sealed class EligibilityPolicyTests
{
    private readonly EligibilityPolicy _policy = new(new EligibilityOptions(EducationRelaxLevelsForVeterans: 1, AgeExtraYearsForVeterans: 5));

    [Fact]
    public void MissingLicenceClassExcludesWithANamedReason()
    {
        var result = _policy.Evaluate(Fixtures.Storekeeper(), Fixtures.TruckJob("A2"));

        Assert.False(result.Eligible);
        var failed = Assert.Single(result.Failed);
        Assert.Equal("licence_class", failed.Rule);
        Assert.Equal("需要A2驾照", failed.ReasonZh);
    }

    [Fact]
    public void HigherLicenceClassCoversLowerOnes()
    {
        var driver = Fixtures.Storekeeper() with { Certificates = ["A2"] };

        Assert.True(_policy.Evaluate(driver, Fixtures.TruckJob("B2")).Eligible);
        Assert.True(_policy.Evaluate(driver, Fixtures.TruckJob("C1")).Eligible);
        Assert.False(_policy.Evaluate(driver, Fixtures.TruckJob("A1")).Eligible);
    }

    [Fact]
    public void EducationIsRelaxedForVeteransByPolicy()
    {
        var associateJob = Fixtures.ForkliftJob() with { MinEducation = EducationLevel.Associate };
        var bachelorJob = Fixtures.ForkliftJob() with { MinEducation = EducationLevel.Bachelor };

        var relaxed = _policy.Evaluate(Fixtures.Storekeeper(), associateJob);
        Assert.True(relaxed.Eligible);
        Assert.Contains(relaxed.Outcomes, o => o.Rule == "minimum_education" && o.ReasonZh.Contains("放宽", StringComparison.Ordinal));
        Assert.False(_policy.Evaluate(Fixtures.Storekeeper(), bachelorJob).Eligible);
        Assert.False(new EligibilityPolicy(new EligibilityOptions(EducationRelaxLevelsForVeterans: 0)).Evaluate(Fixtures.Storekeeper(), associateJob).Eligible);
    }

    [Fact]
    public void AgeLimitWrittenInTheListingIsExtendedForVeterans()
    {
        var driver = Fixtures.Storekeeper(age: 48) with { Certificates = ["A2"] };

        Assert.True(_policy.Evaluate(driver, Fixtures.TruckJob()).Eligible);
        Assert.False(_policy.Evaluate(driver with { Age = 51 }, Fixtures.TruckJob()).Eligible);
        Assert.True(_policy.Evaluate(driver with { Age = null }, Fixtures.TruckJob()).Eligible);
    }

    [Fact]
    public void EveryRuleReportsItsVerdictByName()
    {
        var result = _policy.Evaluate(Fixtures.Storekeeper(), Fixtures.ForkliftJob());

        Assert.True(result.Eligible);
        Assert.Equal(["licence_class", "minimum_education", "age_limit", "required_certificate"], result.Outcomes.Select(o => o.Rule));
    }

    [Fact]
    public void ACertificateTheLawRequiresExcludesAVeteranRecordedWithoutItAndNamesIt()
    {
        var job = Fixtures.ForkliftJob() with { RequiredCertificates = ["叉车证"] };
        var cook = Fixtures.Storekeeper() with { Certificates = ["C1", "健康证"] };

        var result = _policy.Evaluate(cook, job);

        Assert.False(result.Eligible);
        var failed = Assert.Single(result.Failed);
        Assert.Equal(("required_certificate", "缺少：叉车证", "missing: forklift certificate"), (failed.Rule, failed.ReasonZh, failed.ReasonEn));
        Assert.True(_policy.Evaluate(cook with { Certificates = ["特种设备作业人员证（叉车）"] }, job).Eligible);
    }

    [Fact]
    public void AVeteranWhoseCertificatesWereNeverRecordedPassesToBeChecked()
    {
        var job = Fixtures.ForkliftJob() with { RequiredCertificates = ["电工证（低压）"] };
        var unknown = Fixtures.Storekeeper() with { Certificates = [], CertificatesRecorded = false };

        var result = _policy.Evaluate(unknown, job);

        Assert.True(result.Eligible);
        Assert.Contains(result.Outcomes, o => o.Rule == "required_certificate" && o.ReasonZh == "证书未登记，待核实：电工证");
        Assert.False(_policy.Evaluate(unknown with { CertificatesRecorded = true }, job).Eligible);
    }

    [Fact]
    public void WhichCertificatesGateIsConfigurableAndOthersNeverDo()
    {
        var job = Fixtures.ForkliftJob() with { RequiredCertificates = ["叉车证", "健康证"] };
        var none = Fixtures.Storekeeper() with { Certificates = [] };

        Assert.False(_policy.Evaluate(none, job).Eligible);
        Assert.True(new EligibilityPolicy(new EligibilityOptions(GatedCertificates: ["电工证"])).Evaluate(none, job).Eligible);
        Assert.True(_policy.Evaluate(none, job with { RequiredCertificates = ["健康证"] }).Eligible);
    }
}
