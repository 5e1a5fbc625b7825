namespace Hadath.Distributed;

/// <summary>Names and limits of the work queue, shared by <see cref="Enqueuer"/> and <see cref="Worker"/>.</summary>
public sealed record QueueOptions
{
    /// <summary>The work-queue stream (retention: work queue, so an acknowledged message is removed).</summary>
    public string Stream { get; init; } = "HADATH_DOCS";
    /// <summary>Subject documents are published on.</summary>
    public string Subject { get; init; } = "hadath.docs";
    /// <summary>The dead-letter stream, holding documents that failed on every delivery.</summary>
    public string DeadStream { get; init; } = "HADATH_DEAD";
    /// <summary>Subject of dead letters (the message with headers Hadath-Error, Hadath-Attempts).</summary>
    public string DeadSubject { get; init; } = "hadath.dead";
    /// <summary>The durable consumer all workers share.</summary>
    public string Consumer { get; init; } = "hadath-workers";
    /// <summary>Deliveries of one message before it is dead-lettered.</summary>
    public int MaxAttempts { get; init; } = 5;
    /// <summary>How long a delivered message may stay unacknowledged before it is redelivered (a killed worker's messages come back after this).</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(30);
}
