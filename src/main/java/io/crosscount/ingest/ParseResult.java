package io.crosscount.ingest;

import io.crosscount.model.Article;
import io.crosscount.model.DeadLetter;

/** Either an accepted article or the dead letter that explains why it was rejected. */
public record ParseResult(Article article, DeadLetter deadLetter) {
    public static ParseResult accepted(Article article) {
        return new ParseResult(article, null);
    }

    public static ParseResult rejected(DeadLetter deadLetter) {
        return new ParseResult(null, deadLetter);
    }

    public boolean isAccepted() {
        return article != null;
    }
}
