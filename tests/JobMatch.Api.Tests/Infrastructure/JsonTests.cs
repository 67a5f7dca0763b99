using System.Text.Json;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>The typed read fails on what GetProperty chains failed on, and on a null the record does not allow.</summary>
public sealed class JsonTests
{
    public sealed record Answer(Guid Id, string Name, string? Note, int Count);

    const string Id = "\"id\":\"0193c5d2-8f00-7000-8000-000000000001\"";

    [Theory]
    [InlineData($$"""{"name":"a","note":null,"count":1}""")]            // id missing
    [InlineData($$"""{ {{Id}},"note":null,"count":1}""")]               // name missing
    [InlineData($$"""{ {{Id}},"name":null,"note":null,"count":1}""")]   // name null
    [InlineData($$"""{ {{Id}},"name":"a","count":1}""")]                // note missing: null must be said
    [InlineData($$"""{ {{Id}},"Name":"a","note":null,"count":1}""")]    // spelt differently
    [InlineData($$"""{ {{Id}},"name":"a","note":null,"count":"1"}""")]  // a number as a string
    public void AFieldTheRecordNamesMustBeThereSpeltAndTypedAsItSaysAndNullOnlyWhereItAllows(string json) =>
        Assert.Throws<JsonException>(() => JsonDocument.Parse(json).RootElement.As<Answer>());

    [Fact]
    public void FieldsTheRecordDoesNotNameAreIgnored()
    {
        var answer = JsonDocument.Parse($$"""{ {{Id}},"name":"a","note":null,"count":1,"phone":"13912345678"}""").RootElement.As<Answer>();
        Assert.Equal(("a", null, 1), (answer.Name, answer.Note, answer.Count));
    }
}
