using Hadath.Extraction.Entities;
using Hadath.Extraction.Events;
using Hadath.Knowledge;
using Hadath.Knowledge.Triggers;
using Hadath.Knowledge.Kb;
using Hadath.Extraction.Quotes;
using Hadath.Extraction.Times;
using Hadath.Extraction.Quantities;

namespace Hadath.Extraction;

/// <summary>The standard component order: knowledge lookup, then extraction.</summary>
public static class DefaultPipeline
{
    public static Pipeline Create(PipelineOptions? options = null) => new(
    [
        new EntityRecognizer(KnowledgeBase.Default),
        new TimeRecognizer(),
        new QuantityRecognizer(),
        new QuoteRecognizer(TimeResolver.Resolve),
        new EventCoder(new LexiconTriggerSource(TriggerLexicon.Default), new KnowledgeOntology(TriggerLexicon.Default.Ontology)),
    ], options);
}
