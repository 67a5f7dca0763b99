using JobMatch.Ranking.Letor;
using JobMatch.Ranking.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace JobMatch.Ranking.Tests;

public sealed class DatasetPipelineTests
{
    [Fact]
    public void GroupsAreContiguousAndNumberedFromOne()
    {
        var builder = new RankingDatasetBuilder(2);
        builder.AddQuery("V1", [1, 1, 2, 2], [0, 4]);
        builder.AddQuery("V2", [], []);
        builder.AddQuery("V3", [3, 3, 4, 4, 5, 5], [2, 1, 3]);

        var data = builder.Build();

        Assert.Equal([1u, 1u, 2u, 2u, 2u], data.GroupIds);
        Assert.Equal([0, 2, 5], data.GroupStarts);
        Assert.Equal(["V1", "V3"], data.QueryIds);
    }

    [Fact]
    public void GroupIdsAndLabelsSurviveTheTrainingDataView()
    {
        var builder = new RankingDatasetBuilder(3);
        builder.AddQuery("a", [1, 2, 3, 4, 5, 6], [3, 0]);
        builder.AddQuery("b", [7, 8, 9, 1, 1, 1, 2, 2, 2], [1, 4, 2]);
        var data = builder.Build();
        var ml = new MLContext(1);

        var view = MlData.ForTraining(ml, data);

        var groups = view.GetColumn<uint>(MlData.GroupId).ToArray();
        var labels = view.GetColumn<float>(MlData.Label).ToArray();
        var features = view.GetColumn<float[]>(MlData.Features).ToArray();
        Assert.Equal([1u, 1u, 2u, 2u, 2u], groups);
        Assert.Equal([3f, 0f, 1f, 4f, 2f], labels);
        Assert.Equal([7f, 8f, 9f], features[2]);
        Assert.Equal(2ul, Assert.IsType<KeyDataViewType>(view.Schema[MlData.GroupId].Type).Count);
    }

    [Fact]
    public void LetorQueriesBecomeContiguousGroupsInOrderOfFirstAppearance()
    {
        var file = LetorReader.Parse(new StringReader("""
            2 qid:10 1:0.5 3:1 # doc a
            0 qid:7 2:0.25
            1 qid:10 1:0.1
            4 qid:7 3:2 # doc d
            """));

        var data = file.ToDataset(3);

        Assert.Equal(["10", "7"], data.QueryIds);
        Assert.Equal([2f, 1f, 0f, 4f], data.Labels);
        Assert.Equal([1u, 1u, 2u, 2u], data.GroupIds);
        Assert.Equal([0.5f, 0f, 1f], data.Row(0).ToArray());
        Assert.Equal([0f, 0.25f, 0f], data.Row(2).ToArray());
        Assert.Equal("doc a", file.Rows[0].Comment);
    }

    [Fact]
    public void LetorReaderRejectsLinesWithoutQid()
    {
        Assert.Throws<FormatException>(() => LetorReader.Parse(new StringReader("1 1:0.5 2:0.1")));
    }
}
