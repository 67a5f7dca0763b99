using JobMatch.Api.WebConsole;

namespace JobMatch.Api.Tests.WebConsole;

/// <summary>Which addresses count as this computer only: read from what the server reports it listens on.</summary>
public sealed class ListeningAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://127.8.0.3:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://[::]:5000", false)]
    [InlineData("http://*:5000", false)]
    [InlineData("http://+:5000", false)]
    [InlineData("http://192.168.1.20:5000", false)]
    [InlineData("http://jobmatch.example.org:5000", false)]
    [InlineData("http://unix:/run/jobmatch.sock", false)]
    public void OnlyLoopbackAddressesCount(string address, bool loopback) =>
        Assert.Equal(loopback, DemoSignInGate.IsLoopback(address));
}
