using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.IntegrationTests.Playground;

public sealed class EventuallyTests
{
    [Fact]
    public async Task UntilAsync_ConditionBecomesTrue_Completes()
    {
        // Arrange
        var clock = new FakeTimeProvider();
        var calls = 0;

        // Act
        var wait = Eventually.UntilAsync(() => ++calls >= 3, TimeSpan.FromSeconds(10), "three calls", timeProvider: clock);
        while (!wait.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Yield();
        }

        // Assert
        await wait;
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task UntilAsync_ConditionNeverTrue_ThrowsTimeoutNamingTheCondition()
    {
        // Arrange
        var clock = new FakeTimeProvider();

        // Act
        var wait = Eventually.UntilAsync(() => false, TimeSpan.FromSeconds(1), "the impossible", timeProvider: clock);
        while (!wait.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        // Assert
        var error = await Assert.ThrowsAsync<TimeoutException>(() => wait);
        Assert.Contains("the impossible", error.Message, StringComparison.Ordinal);
        Assert.True(clock.GetUtcNow() - clock.Start >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task UntilAsync_ConditionThrows_RetriesAndReportsLastError()
    {
        // Arrange
        var clock = new FakeTimeProvider();

        // Act
        var wait = Eventually.UntilAsync(
            bool () => throw new HttpRequestException("connection refused"), TimeSpan.FromSeconds(1), "a server", timeProvider: clock);
        while (!wait.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        // Assert
        var error = await Assert.ThrowsAsync<TimeoutException>(() => wait);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntilAsync_FailFastReportsReason_ThrowsWithoutWaiting()
    {
        // Arrange
        var clock = new FakeTimeProvider();

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Eventually.UntilAsync(() => false, TimeSpan.FromSeconds(30), "a bot", failFast: () => "bot exited with code 1", timeProvider: clock));

        // Assert
        Assert.Contains("bot exited with code 1", error.Message, StringComparison.Ordinal);
    }
}
