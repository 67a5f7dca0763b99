using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;

namespace JobMatch.Api.Conventions;

/// <summary>
/// A limit on a request member or parameter, declared once on the record or parameter it limits. .NET validation
/// (<c>AddValidation</c>) checks it before the handler runs and answers 400 with the field's error; OpenApi/DocumentedLimits
/// writes it into the document. On a list of texts it applies to each item. Null passes (required is the handler's
/// rule). Messages are Chinese or English as the request asks, written here and nowhere else.
/// </summary>
public abstract class FieldLimitAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var accepted = value switch
        {
            null => true,
            string text => Accepts(text, validationContext),
            IEnumerable<string?> texts when this is not ItemsAttribute => texts.All(text => Accepts(text, validationContext)),
            _ => Accepts(value, validationContext),
        };
        return accepted ? ValidationResult.Success : new ValidationResult(Message(validationContext));
    }

    protected abstract bool Accepts(object? value, ValidationContext context);

    protected abstract string Message(ValidationContext context);
}

/// <summary>At most <see cref="MaxLength"/> characters once trimmed of surrounding white space.</summary>
public sealed class TextAttribute(int maxLength) : FieldLimitAttribute
{
    public int MaxLength { get; } = maxLength;

    protected override bool Accepts(object? value, ValidationContext context) => value is not string text
        || text.Trim().Length <= MaxLength;

    protected override string Message(ValidationContext context) =>
        Say.Text($"最多 {MaxLength} 个字（不计首尾空格）。", $"At most {MaxLength} characters, not counting surrounding white space.");
}

/// <summary>At most <see cref="MaxItems"/> items; in a list of texts, blank and repeated entries do not count (they are dropped),
/// in a list of records an empty one (null) is refused.
/// </summary>
public sealed class ItemsAttribute(int maxItems) : FieldLimitAttribute
{
    public int MaxItems { get; } = maxItems;

    protected override bool Accepts(object? value, ValidationContext context) => value switch
    {
        IEnumerable<string?> texts =>
            texts.Where(text => !string.IsNullOrWhiteSpace(text)).Select(text => text!.Trim()).Distinct().Count() <= MaxItems,
        IEnumerable items => items.Cast<object?>().ToList() is var list && list.Count <= MaxItems && !list.Contains(null), // [null]: no item at all
        _ => true,
    };

    protected override string Message(ValidationContext context) => Say.Text($"最多 {MaxItems} 项，且不能有空项。", $"At most {MaxItems} items, none of them empty.");
}

/// <summary>One of the values a static member of <paramref name="holder"/> lists (texts, or the keys of a dictionary).</summary>
public sealed class OneOfAttribute(Type holder, string member) : FieldLimitAttribute, IListedValues
{
    IReadOnlyList<string>? values;

    /// <summary>Whether case and surrounding white space are ignored (the profile vocabularies); else a value matches exactly.</summary>
    public bool Loose { get; init; }

    public IReadOnlyList<string> Values => values ??= Read();

    IReadOnlyList<string> Read()
    {
        const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        var list = holder.GetProperty(member, Static)?.GetValue(null) ?? holder.GetField(member, Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{holder.Name}.{member} lists no values");
        return list switch
        {
            IEnumerable<string> texts => [.. texts.Distinct()],
            IDictionary dictionary => [.. dictionary.Keys.Cast<string>()],
            _ => [.. ((IEnumerable<string>)list.GetType().GetProperty("Keys")!.GetValue(list)!)],
        };
    }

    protected override bool Accepts(object? value, ValidationContext context) =>
        value is string text && (Loose ? Values.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase) : Values.Contains(text,
            StringComparer.Ordinal));

    protected override string Message(ValidationContext context) =>
        Say.Text($"不是可选值；可选：{string.Join(", ", Values)}。", $"Not a listed value; choose from {string.Join(", ", Values)}.");
}

/// <summary>A whole number from <see cref="Minimum"/> to <see cref="Maximum"/> (no upper bound when null).</summary>
public class BetweenAttribute(long minimum, long maximum) : FieldLimitAttribute
{
    public long Minimum { get; } = minimum;

    public virtual long? Maximum => maximum;

    protected virtual long? MaximumAt(ValidationContext context) => Maximum;

    protected override bool Accepts(object? value, ValidationContext context) =>
        Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) is var number
        && number >= Minimum && (MaximumAt(context) is not { } max || number <= max);

    protected override string Message(ValidationContext context) => MaximumAt(context) is { } max
        ? Say.Text($"须在 {Minimum}–{max} 之间。", $"Must be from {Minimum} to {max}.")
        : Say.Text($"不能小于 {Minimum}。", $"Must be at least {Minimum}.");
}

/// <summary>At least <paramref name="minimum"/>; the upper bound is the type's.</summary>
public sealed class AtLeastAttribute(long minimum) : BetweenAttribute(minimum, 0)
{
    public override long? Maximum => null;
}

/// <summary>A year from <paramref name="minimum"/> to next year (by the injected clock).</summary>
public sealed class YearAttribute(long minimum) : BetweenAttribute(minimum, 0)
{
    public override long? Maximum => NextYear(TimeProvider.System);

    protected override long? MaximumAt(ValidationContext context) =>
        NextYear(context.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System);

    static long NextYear(TimeProvider clock) => clock.GetUtcNow().Year + 1;
}

/// <summary>A text the whole of which matches <see cref="Pattern"/>, of at most <see cref="MaxLength"/> characters when set.</summary>
public class PatternAttribute(string pattern) : FieldLimitAttribute
{
    public string Pattern { get; } = pattern;

    /// <summary>0: only the pattern limits the length.</summary>
    public int MaxLength { get; init; }

    /// <summary>Whether surrounding white space is dropped before the check (as it is when stored).</summary>
    public bool Trim { get; init; }

    protected override bool Accepts(object? value, ValidationContext context) =>
        value is string raw && (Trim ? raw.Trim() : raw) is var text
        && (MaxLength == 0 || text.Length <= MaxLength) && Regex.IsMatch(text, Pattern, RegexOptions.None, TimeSpan.FromSeconds(1));

    protected override string Message(ValidationContext context) =>
        Say.Text($"格式不正确（应匹配 {Pattern}）。", $"Not in the expected form ({Pattern}).");
}

/// <summary>An e-mail address: something@somewhere.tld without spaces, at most 254 characters; the mail server is the real check.</summary>
public sealed class EmailAttribute : PatternAttribute
{
    public const string Address = @"^[^@\s]+@[^@\s]+\.[^@\s]+$";

    public EmailAttribute() : base(Address)
    {
        MaxLength = 254;
        Trim = true;
    }

    protected override string Message(ValidationContext context) =>
        Say.Text("电子邮箱格式不正确，应类似 name@example.com。", "Not an e-mail address: it looks like name@example.com.");
}

/// <summary>
/// Not a refusal: a value outside <see cref="Minimum"/>–<see cref="Maximum"/> is clamped and a missing one is
/// <see cref="Default"/>; the document says so.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class ClampedAttribute(int minimum, int maximum, int @default) : Attribute
{
    public int Minimum { get; } = minimum;
    public int Maximum { get; } = maximum;
    public int Default { get; } = @default;

    /// <summary>The value a handler gets (<see cref="Clamping"/>): missing is the default, outside the range the nearer bound.</summary>
    public int Apply(int? value) => Math.Clamp(value ?? Default, Minimum, Maximum);
}

/// <summary>A limit to a closed list of values, which the document states as an enum.</summary>
public interface IListedValues
{
    IReadOnlyList<string> Values { get; }
}
