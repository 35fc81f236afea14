namespace Lantern.Core.Timelines;

/// <summary>
/// What is known about a serious incident's progress: when the local authority became aware of it and, when they
/// have happened, when the Panel was notified, when the rapid review was sent, and when an LCSPR started and was published.
/// </summary>
/// <param name="Aware">The date the local authority became aware of the incident.</param>
/// <param name="Notified">The date the notification was sent to the Child Safeguarding Practice Review Panel.</param>
/// <param name="RapidReviewSent">The date the rapid review (with the decision on a local review) was sent to the Panel.</param>
/// <param name="LcsprStart">The date a local child safeguarding practice review started, if one was commissioned.</param>
/// <param name="LcsprPublished">The date that review was published.</param>
public sealed record SeriousIncident(
    DateOnly Aware,
    DateOnly? Notified = null,
    DateOnly? RapidReviewSent = null,
    DateOnly? LcsprStart = null,
    DateOnly? LcsprPublished = null);
