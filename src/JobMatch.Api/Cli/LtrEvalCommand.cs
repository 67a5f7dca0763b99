using System.CommandLine;
using JobMatch.Ranking.Letor;

namespace JobMatch.Api.Cli;

/// <summary>
/// <c>ltr-eval --train F --valid F --test F</c>: trains the service's ranker on SVMlight/LETOR files and prints the
/// test metrics, so the trainer can be checked against published LambdaMART results on public datasets.
/// </summary>
public static class LtrEvalCommand
{
    public static Command Create()
    {
        Option<FileInfo> File(string name, string what) =>
            new Option<FileInfo>(name) { Description = what, Required = true }.AcceptExistingOnly();
        var train = File("--train", "Training file (label qid:N 1:v 2:v ...)");
        var valid = File("--valid", "Validation file: chooses the number of trees by NDCG@10");
        var test = File("--test", "Test file: the metrics printed are for it");
        var command = new Command("ltr-eval", "Train the ranker on LETOR-format files and print NDCG@1/3/5/10 and MAP for the test file.")
        {
            train, valid, test,
        };
        command.SetAction(async (parsed, _) =>
        {
            LetorEvaluationResult result;
            try
            {
                result = LetorEvaluation.Run(parsed.GetValue(train)!.FullName, parsed.GetValue(valid)!.FullName, parsed.GetValue(test)!.FullName);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"Not a LETOR file: {e.Message}");
                return 2;
            }
            foreach (var line in result.ToLines())
            {
                await Console.Out.WriteLineAsync(line);
            }
            return 0;
        });
        return command;
    }
}
