namespace JobMatch.Ranking.Training;

/// <summary>A saved model was trained on another feature schema version: its trees would read the wrong columns.</summary>
public sealed class IncompatibleModelException : Exception
{
    public IncompatibleModelException()
    {
    }

    public IncompatibleModelException(string message)
        : base(message)
    {
    }

    public IncompatibleModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
