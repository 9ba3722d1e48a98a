package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One mention of a known actor in an article body; offsets are UTF-16 indices into the body. */
public record ActorMention(
        @JsonProperty("actor_id") String actorId,
        String name,
        String type,
        String surface,
        int start,
        int end) {}
