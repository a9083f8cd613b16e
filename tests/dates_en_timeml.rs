//! English date table tests for the TimeML conventions: extents with their
//! determiners and modifiers, vague references, parts of the day, clock
//! times, quarters and halves, and the tense of the clause. Sentences
//! written for these tests.

mod dates_table;

use dates_table::{NO_PUB, PUB, check};

/// Friday 12 December 2025.
const FRI: Option<&str> = Some("2025-12-12");

#[test]
fn english_extents_take_determiners_and_modifiers() {
    check(&[
        (
            "en",
            PUB,
            "Profits fell in the third quarter.",
            &[("the third quarter", "2025-Q3")],
        ),
        (
            "en",
            PUB,
            "The plant will reopen early next year.",
            &[("early next year", "2026")],
        ),
        (
            "en",
            PUB,
            "Prices rose sharply late last month.",
            &[("late last month", "2025-03")],
        ),
        // "earlier" is annotated both ways in TimeBank: lede leaves it out
        (
            "en",
            PUB,
            "Prices rose sharply earlier this month.",
            &[("this month", "2025-04")],
        ),
        (
            "en",
            NO_PUB,
            "The bridge closes at the end of 2027.",
            &[("the end of 2027", "2027")],
        ),
        (
            "en",
            NO_PUB,
            "Spending in fiscal 2023 was flat.",
            &[("fiscal 2023", "2023")],
        ),
        (
            "en",
            NO_PUB,
            "The tower went up in the mid-1970s.",
            &[("the mid-1970s", "197X")],
        ),
        (
            "en",
            PUB,
            "The lease ended in June last year.",
            &[("June last year", "2024-06")],
        ),
    ]);
}

#[test]
fn english_quarters_and_halves() {
    check(&[
        (
            "en",
            PUB,
            "Third-quarter sales beat forecasts.",
            &[("Third-quarter", "2025-Q3")],
        ),
        (
            "en",
            PUB,
            "Earnings for the quarter were weak.",
            &[("the quarter", "2025-Q1")],
        ),
        (
            "en",
            PUB,
            "Orders in the current quarter look strong.",
            &[("the current quarter", "2025-Q2")],
        ),
        (
            "en",
            NO_PUB,
            "Revenue grew in the first half of 2022.",
            &[("the first half of 2022", "2022-H1")],
        ),
        // a half with no year and no determiner is not a date
        ("en", PUB, "He scored in second half play.", &[]),
        // "a year earlier" after a quarter: that quarter a year before
        (
            "en",
            PUB,
            "Sales rose in the first quarter, against a loss a year earlier.",
            &[
                ("the first quarter", "2025-Q1"),
                ("a year earlier", "2024-Q1"),
            ],
        ),
        (
            "en",
            PUB,
            "Results beat the year-ago quarter.",
            &[("the year-ago quarter", "2024-Q1")],
        ),
    ]);
}

#[test]
fn english_vague_references() {
    check(&[
        (
            "en",
            PUB,
            "The mill now employs forty people.",
            &[("now", "PRESENT_REF")],
        ),
        (
            "en",
            PUB,
            "She is currently on leave.",
            &[("currently", "PRESENT_REF")],
        ),
        (
            "en",
            PUB,
            "The road was recently widened.",
            &[("recently", "PAST_REF")],
        ),
        (
            "en",
            PUB,
            "Few expect changes in the near future.",
            &[("the near future", "FUTURE_REF")],
        ),
        // "from now" belongs to a duration; "the past year" is a year
        ("en", PUB, "We meet again ten years from now.", &[]),
        ("en", PUB, "Rents rose over the past year.", &[]),
    ]);
}

#[test]
fn english_parts_of_day_and_clock_times() {
    check(&[
        (
            "en",
            PUB,
            "The vote is tonight.",
            &[("tonight", "2025-04-03TNI")],
        ),
        (
            "en",
            PUB,
            "The fire started at 9:30 a.m. in the kitchen.",
            &[("9:30 a.m.", "2025-04-03T09:30")],
        ),
        (
            "en",
            PUB,
            "Doors open at 7 p.m. Wednesday.",
            &[("7 p.m. Wednesday", "2025-04-02T19:00")],
        ),
        (
            "en",
            PUB,
            "Talks resumed Tuesday afternoon.",
            &[("Tuesday afternoon", "2025-04-01TAF")],
        ),
        (
            "en",
            PUB,
            "The strike ends at noon.",
            &[("noon", "2025-04-03T12:00")],
        ),
        // "9:30" alone may be a score or a ratio
        ("en", PUB, "They won 9:30 in the end.", &[]),
    ]);
}

/// Issue 14: weekdays and months resolved by the tense and the time of year.
#[test]
fn english_tense_and_time_of_year() {
    check(&[
        // a possessive weekday is the nearest one, not the next
        (
            "en",
            FRI,
            "After Thursday's general election, the party will meet.",
            &[("Thursday", "2025-12-11")],
        ),
        (
            "en",
            FRI,
            "The port will reopen in January.",
            &[("January", "2026-01")],
        ),
        (
            "en",
            FRI,
            "Exports slumped in February.",
            &[("February", "2025-02")],
        ),
        (
            "en",
            PUB,
            "The dam was finished in November.",
            &[("November", "2024-11")],
        ),
        (
            "en",
            PUB,
            "The museum is shut this weekend.",
            &[("this weekend", "2025-W14-WE")],
        ),
    ]);
}
