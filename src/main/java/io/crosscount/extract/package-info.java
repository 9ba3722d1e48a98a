/**
 * The extractor: plain Java, no Flink. {@link io.crosscount.extract.ArticleExtractor} reads one
 * article into an {@link io.crosscount.model.Extraction}; languages and actors are data under
 * {@code src/main/resources/crosscount/}.
 */
package io.crosscount.extract;
