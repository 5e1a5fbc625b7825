using Hadath.Server.Api;

namespace Hadath.Server.Tests;

public sealed class AnalysisGateTests
{
    [Fact]
    public async Task Slots_are_handed_out_then_waiters_queue_up_to_the_limit_and_the_rest_are_turned_away()
    {
        using var gate = new AnalysisGate(2, queueLimit: 1, TimeSpan.FromSeconds(10));
        var a = await gate.TryEnterAsync(CancellationToken.None);
        var b = await gate.TryEnterAsync(CancellationToken.None);
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Equal(0, gate.Free);
        var waiting = gate.TryEnterAsync(CancellationToken.None).AsTask();
        Assert.Equal(1, gate.Waiting);
        Assert.Null(await gate.TryEnterAsync(CancellationToken.None));
        a!.Dispose();
        a.Dispose(); // a second dispose gives nothing back twice
        var c = await waiting;
        Assert.NotNull(c);
        Assert.Equal(0, gate.Free);
        b!.Dispose();
        c!.Dispose();
        Assert.Equal(2, gate.Free);
    }

    [Fact]
    public async Task A_waiter_gives_up_after_the_wait_limit()
    {
        using var gate = new AnalysisGate(1, queueLimit: 4, TimeSpan.FromMilliseconds(100));
        using var held = await gate.TryEnterAsync(CancellationToken.None);
        Assert.Null(await gate.TryEnterAsync(CancellationToken.None));
        Assert.Equal(0, gate.Waiting);
    }
}
