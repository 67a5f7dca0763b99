using JobMatch.Api.Conventions;

namespace JobMatch.Api.Applications;

/// <summary>Who may move an application into a state.</summary>
public enum Mover { Company, Veteran }

/// <summary>
/// One state machine per kind (docs/FEATURES.md has the table). Job: submitted → screening → interview → offer → hired,
/// screening optional (the company may call a candidate to interview straight away), rejected by the company or
/// withdrawn by the veteran from any open stage, hired → cancelled (did not start). Training (an order-class seat):
/// applied → enrolled → graduated → employed → retained_6m → retained_12m, applied or enrolled → dropped.
/// </summary>
public static class ApplicationStates
{
    public const string Job = "job";
    public const string Training = "training";

    static readonly Dictionary<string, string[]> JobNext = new()
    {
        ["submitted"] = ["screening", "interview", "rejected", "withdrawn"], // screening is optional
        ["screening"] = ["interview", "rejected", "withdrawn"],
        ["interview"] = ["offer", "rejected", "withdrawn"],
        ["offer"] = ["hired", "rejected", "withdrawn"],
        ["hired"] = ["cancelled"],
        ["rejected"] = [], ["withdrawn"] = [], ["cancelled"] = [],
    };

    static readonly Dictionary<string, string[]> TrainingNext = new()
    {
        ["applied"] = ["enrolled", "dropped"],
        ["enrolled"] = ["graduated", "dropped"],
        ["graduated"] = ["employed"],
        ["employed"] = ["retained_6m"],
        ["retained_6m"] = ["retained_12m"],
        ["retained_12m"] = [], ["dropped"] = [],
    };

    /// <summary>
    /// Each state in words, Chinese and English: the one home of these words in the API, the same as the console's
    /// <c>state.*</c> labels (wwwroot/js/i18n/zh.js, en.js). Messages name a state by its words, never by its code.
    /// </summary>
    static readonly Dictionary<string, (string Chinese, string English)> Words = new()
    {
        ["submitted"] = ("已提交", "submitted"), ["screening"] = ("初筛", "screening"), ["interview"] = ("面试", "interview"),
        ["offer"] = ("录用通知", "offer"), ["hired"] = ("已入职", "hired"), ["rejected"] = ("未通过", "rejected"),
        ["withdrawn"] = ("已撤回", "withdrawn"), ["cancelled"] = ("已取消", "cancelled"), ["applied"] = ("已报名", "applied"),
        ["enrolled"] = ("已入学", "enrolled"), ["graduated"] = ("已毕业", "graduated"), ["employed"] = ("已就业", "employed"),
        ["retained_6m"] = ("在岗满 6 个月", "retained 6 months"), ["retained_12m"] = ("在岗满 12 个月", "retained 12 months"),
        ["dropped"] = ("已退出", "dropped out"),
    };

    /// <summary>A state in the request's language (面试 or interview); an unknown code as it came.</summary>
    public static string Label(string state) =>
        Words.TryGetValue(state, out var words) ? Say.Text(words.Chinese, words.English) : state;

    /// <summary>A state in both languages (an outbox message is written before anyone knows its reader's language).</summary>
    public static (string Chinese, string English) InWords(string state) => Words.GetValueOrDefault(state, (state, state));

    /// <summary>Several states in words, joined for the request's language.</summary>
    public static string Labels(IEnumerable<string> states) => string.Join(Say.Text("、", ", "), states.Select(Label));

    /// <summary>The stages a company may skip: the move past one is the company's (its recruiters' or staff's), never the veteran's.</summary>
    public static readonly IReadOnlyList<string> Optional = ["screening"];

    /// <summary>
    /// A job application's early stages: no one has called the candidate to interview yet. After a fair, the company turns away
    /// those it left there (GET /api/applications/early, then the bulk move to rejected).
    /// </summary>
    public static readonly IReadOnlyList<string> Early = ["submitted", "screening"];

    /// <summary>Each kind's stages in order, from applying to the last milestone.</summary>
    static readonly string[] JobPath = ["submitted", "screening", "interview", "offer", "hired"];
    static readonly string[] TrainingPath = ["applied", "enrolled", "graduated", "employed", "retained_6m", "retained_12m"];

    /// <summary>
    /// The stages whose reaching means this one was passed: itself and every later stage of its kind's path, so that a
    /// skipped optional stage counts as passed in the funnels (submitted → interview counts as screened).
    /// </summary>
    public static IReadOnlyList<string> ThisOrLater(string state) =>
        (JobPath.Contains(state) ? JobPath : TrainingPath).SkipWhile(stage => stage != state).ToArray();

    public static string Initial(string kind) => kind == Job ? "submitted" : "applied";

    public static IReadOnlyCollection<string> States(string kind) => (kind == Job ? JobNext : TrainingNext).Keys;

    public static IReadOnlyList<string> Next(string kind, string state) =>
        (kind == Job ? JobNext : TrainingNext).TryGetValue(state, out var next) ? next : [];

    public static bool IsOpen(string kind, string state) => Next(kind, state).Count > 0;

    /// <summary>
    /// The states that end what an application shares with the company: the veteran left, or was turned away, or the hire
    /// did not happen. Every other state is live: an open stage, hired, or a trainee on the way to the sponsor's job (a
    /// graduate or an employee is the sponsor's hire, so the sponsor still records their milestones).
    /// </summary>
    public static readonly IReadOnlyList<string> Ended = ["withdrawn", "rejected", "cancelled", "dropped"];

    /// <summary>The veteran withdraws (job) or leaves (training); the company or the bureau makes every other move.</summary>
    public static Mover MovedBy(string target) => target is "withdrawn" or "dropped" ? Mover.Veteran : Mover.Company;

    /// <summary>Dropping a training seat may also come from the sponsor or the bureau (a trainee who stops attending).</summary>
    public static bool CompanyMayAlso(string target) => target == "dropped";

    /// <summary>Entering this state takes one remaining opening of the position.</summary>
    public static bool TakesOpening(string target) => target is "hired" or "enrolled";

    /// <summary>Leaving from this state to that one gives the opening back.</summary>
    public static bool GivesBack(string from, string target) => (from, target) is ("hired", "cancelled") or ("enrolled", "dropped");
}
