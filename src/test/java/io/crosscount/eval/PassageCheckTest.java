package io.crosscount.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.eval.CorpusEntry.ExpectedClaim;
import io.crosscount.eval.PassageCheck.Verdict;
import io.crosscount.model.Claim;
import io.crosscount.model.Metric;
import io.crosscount.model.Qualifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-passage rule CorpusSpecTest applies, on hand-made claims. */
class PassageCheckTest {
    private static final String TEXT = "At least 30 people were killed, including 12 children; 12 more were wounded.";

    private static ExpectedClaim expected(String metric, String group, long value, String qualifier, String span,
                                          int start) {
        Long high = qualifier.equals("at_least") ? null : value;
        return new ExpectedClaim(metric, "unknown", group, value, value, high, qualifier, false, span, start);
    }

    private static Claim extracted(Metric metric, String group, long value, Qualifier qualifier, int start, int end) {
        Long high = qualifier == Qualifier.AT_LEAST ? null : value;
        return new Claim(metric, "unknown", group, null, value, value, high, qualifier, false, null, start, end,
                TEXT.substring(start, end));
    }

    private static CorpusEntry entry(ExpectedClaim... claims) {
        return new CorpusEntry("en-999", "en", TEXT, List.of(claims), null);
    }

    private static final ExpectedClaim KILLED = expected("killed", null, 30, "at_least", "At least 30", 0);
    private static final ExpectedClaim CHILDREN = expected("killed", "children", 12, "exact", "12", 42);
    private static final ExpectedClaim WOUNDED = expected("wounded", null, 12, "exact", "12", 55);

    @Test
    void aPassageIsRightWhenEveryClaimPairsWithAllFieldsAndItsSpanInside() {
        List<Claim> claims = List.of(extracted(Metric.KILLED, null, 30, Qualifier.AT_LEAST, 0, 18),
                extracted(Metric.KILLED, "children", 12, Qualifier.EXACT, 42, 53),
                extracted(Metric.WOUNDED, null, 12, Qualifier.EXACT, 55, 57));
        assertThat(PassageCheck.specErrors(entry(KILLED, CHILDREN, WOUNDED))).isEmpty();
        assertThat(PassageCheck.differences(entry(KILLED, CHILDREN, WOUNDED), claims)).isEmpty();
    }

    @Test
    void aFieldThatDiffersASpanOutsideAndAnExtraClaimAreEachNamed() {
        List<Claim> claims = List.of(extracted(Metric.KILLED, null, 30, Qualifier.AT_LEAST, 0, 18),
                extracted(Metric.KILLED, null, 12, Qualifier.EXACT, 42, 53),
                // the wounded figure read at the other "12": same fields, but not where the label is
                extracted(Metric.WOUNDED, null, 12, Qualifier.EXACT, 42, 44));
        assertThat(PassageCheck.differences(entry(KILLED, CHILDREN, WOUNDED), claims)).containsExactly(
                "killed 12 \"12\": group children, extracted null",
                "wounded 12 \"12\": span \"12\" not inside the extracted \"12\"");
        assertThat(PassageCheck.differences(entry(KILLED), claims.subList(0, 2)))
                .containsExactly("spurious killed 12 exact \"12 children\"");
        assertThat(PassageCheck.differences(entry(KILLED, CHILDREN), claims.subList(0, 1)))
                .containsExactly("missed killed 12 \"12\"");
    }

    @Test
    void aSpanMustBeTheTextAtItsStart() {
        ExpectedClaim misplaced = expected("wounded", null, 12, "exact", "12", 43);
        ExpectedClaim unplaced = new ExpectedClaim("wounded", "unknown", null, 12L, 12L, 12L, "exact", false, null, null);
        assertThat(PassageCheck.specErrors(entry(misplaced, unplaced))).containsExactly(
                "claim 0: \"12\" is not the text at start 43",
                "claim 1 (wounded 12) has no \"span\" and \"start\"");
    }

    @Test
    void aPendingFlagTurnsFailureIntoTheExpectedOutcomeAndSuccessIntoAFailure() {
        assertThat(Verdict.of(null, List.of())).isEqualTo(Verdict.PASSES);
        assertThat(Verdict.of(null, List.of("missed killed 3"))).isEqualTo(Verdict.FAILS);
        assertThat(Verdict.of("misses killed 3", List.of("missed killed 3"))).isEqualTo(Verdict.PENDING);
        assertThat(Verdict.of("misses killed 3", List.of())).isEqualTo(Verdict.FIXED);
    }
}
