using System.ComponentModel.DataAnnotations;
using JobMatch.Api.Conventions;

namespace JobMatch.Api.Taxonomy;

/// <summary>An education level as <see cref="EducationCodes.Read"/> reads it; the document lists its codes, labels and usual spellings.</summary>
public sealed class EducationAttribute : FieldLimitAttribute, IListedValues
{
    public IReadOnlyList<string> Values => EducationCodes.Spellings;

    protected override bool Accepts(object? value, ValidationContext context) => value is string text && EducationCodes.Read(text) is not null;

    protected override string Message(ValidationContext context) =>
        Say.Text($"未知的学历；可选：{string.Join(", ", Values)}。", $"Unknown education level; choose from {string.Join(", ", Values)}.");
}
