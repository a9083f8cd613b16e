//! English date table tests: sentences written for these tests.

mod dates_table;

use dates_table::{NO_PUB, PUB, check};

#[test]
fn english_absolute() {
    check(&[
        (
            "en",
            NO_PUB,
            "The treaty will be signed on November 24, 2026 in Geneva.",
            &[("November 24, 2026", "2026-11-24")],
        ),
        (
            "en",
            NO_PUB,
            "It was signed on 24 November 2026.",
            &[("24 November 2026", "2026-11-24")],
        ),
        (
            "en",
            NO_PUB,
            "The deadline is 11/24/2026.",
            &[("11/24/2026", "2026-11-24")],
        ),
        (
            "en",
            NO_PUB,
            "The deadline is 24/11/2026.",
            &[("24/11/2026", "2026-11-24")],
        ),
        (
            "en",
            NO_PUB,
            "The deadline is 03/05/2026.",
            &[("03/05/2026", "2026-03-05")],
        ),
        (
            "en",
            NO_PUB,
            "Sales fell in March 2024.",
            &[("March 2024", "2024-03")],
        ),
        (
            "en",
            NO_PUB,
            "Prices rose in January.",
            &[("January", "XXXX-01")],
        ),
        ("en", NO_PUB, "He was born in 1987.", &[("1987", "1987")]),
        (
            "en",
            NO_PUB,
            "The vote is on the 3rd of March 2024.",
            &[("3rd of March 2024", "2024-03-03")],
        ),
        (
            "en",
            NO_PUB,
            "They met on Tuesday, March 3, 2026.",
            &[("Tuesday, March 3, 2026", "2026-03-03")],
        ),
        (
            "en",
            NO_PUB,
            "They met on Jan. 5, 2024 and on Sep 9.",
            &[("Jan. 5, 2024", "2024-01-05"), ("Sep 9", "XXXX-09-09")],
        ),
        (
            "en",
            NO_PUB,
            "Music of the 1990s is back.",
            &[("the 1990s", "199X")],
        ),
        ("en", NO_PUB, "The '80s were loud.", &[("The '80s", "198X")]),
        (
            "en",
            NO_PUB,
            "A 20th-century building.",
            &[("20th-century", "19XX")],
        ),
        (
            "en",
            NO_PUB,
            "The summer of 2024 was hot.",
            &[("The summer of 2024", "2024-SU")],
        ),
        (
            "en",
            NO_PUB,
            "We will decide in the spring.",
            &[("the spring", "XXXX-SP")],
        ),
        (
            "en",
            NO_PUB,
            "She leaves on Friday.",
            &[("Friday", "XXXX-WXX-5")],
        ),
    ]);
}

#[test]
fn english_traps() {
    check(&[
        ("en", NO_PUB, "The minister may resign soon.", &[]),
        (
            "en",
            NO_PUB,
            "A Sunday Times reporter and a Black Friday sale.",
            &[],
        ),
        ("en", NO_PUB, "The Fall Guy aired; Summer Lee won.", &[]),
        (
            "en",
            NO_PUB,
            "On Sunday Macron spoke.",
            &[("Sunday", "XXXX-WXX-7")],
        ),
        ("en", NO_PUB, "Theresa May spoke to the press.", &[]),
        ("en", NO_PUB, "May I ask a question?", &[]),
        (
            "en",
            NO_PUB,
            "The vote happened in May.",
            &[("May", "XXXX-05")],
        ),
        (
            "en",
            NO_PUB,
            "Since May the talks have stalled.",
            &[("May", "XXXX-05")],
        ),
        (
            "en",
            NO_PUB,
            "The talks of May 2024 failed.",
            &[("May 2024", "2024-05")],
        ),
        ("en", NO_PUB, "It opened May 5.", &[("May 5", "XXXX-05-05")]),
        ("en", NO_PUB, "Protesters march through the city.", &[]),
        ("en", NO_PUB, "The March rally drew crowds.", &[]),
        ("en", NO_PUB, "An august body of scholars.", &[]),
        ("en", NO_PUB, "June Carter sang.", &[]),
        ("en", NO_PUB, "Jan Kowalski won.", &[]),
        ("en", NO_PUB, "He said the fall of Kabul was sudden.", &[]),
        (
            "en",
            NO_PUB,
            "Prices fall in winter.",
            &[("winter", "XXXX-WI")],
        ),
        ("en", NO_PUB, "About 2000 people marched.", &[]),
        ("en", NO_PUB, "It costs $2020 or 2020 dollars.", &[]),
        (
            "en",
            NO_PUB,
            "Call 555 2020 now.",
            &[("now", "PRESENT_REF")],
        ),
        (
            "en",
            NO_PUB,
            "The office at 2020 Market Street closed, as did 1999 Elm St.",
            &[],
        ),
        ("en", NO_PUB, "In 2020 Biden won.", &[("2020", "2020")]),
        ("en", NO_PUB, "Between 2000 and 3000 troops remain.", &[]),
    ]);
}

#[test]
fn english_relative() {
    check(&[
        (
            "en",
            PUB,
            "He arrived yesterday.",
            &[("yesterday", "2025-04-02")],
        ),
        (
            "en",
            PUB,
            "Today the city woke up.",
            &[("Today", "2025-04-03")],
        ),
        (
            "en",
            PUB,
            "The verdict comes tomorrow.",
            &[("tomorrow", "2025-04-04")],
        ),
        (
            "en",
            PUB,
            "Last week the minister resigned.",
            &[("Last week", "2025-W13")],
        ),
        (
            "en",
            PUB,
            "Next month will be decisive.",
            &[("Next month", "2025-05")],
        ),
        ("en", PUB, "Sales fell last year.", &[("last year", "2024")]),
        (
            "en",
            PUB,
            "Two days ago the bridge collapsed.",
            &[("Two days ago", "2025-04-01")],
        ),
        (
            "en",
            PUB,
            "It happened 3 weeks ago.",
            &[("3 weeks ago", "2025-W11")],
        ),
        (
            "en",
            PUB,
            "They met last Tuesday.",
            &[("last Tuesday", "2025-04-01")],
        ),
        (
            "en",
            PUB,
            "They meet next Monday.",
            &[("next Monday", "2025-04-07")],
        ),
        (
            "en",
            PUB,
            "He spoke on Tuesday.",
            &[("Tuesday", "2025-04-01")],
        ),
        ("en", PUB, "He will travel in June.", &[("June", "2025-06")]),
        (
            "en",
            PUB,
            "The deal of last May holds.",
            &[("last May", "2024-05")],
        ),
        (
            "en",
            PUB,
            "The summit took place in 2019. The following year, everything changed.",
            &[("2019", "2019"), ("The following year", "2020")],
        ),
    ]);
}

#[test]
fn english_ranges() {
    check(&[
        (
            "en",
            NO_PUB,
            "He led the club from 2010 to 2015.",
            &[("2010", "2010"), ("2015", "2015")],
        ),
        (
            "en",
            NO_PUB,
            "Between 2020 and 2023 the region changed.",
            &[("2020", "2020"), ("2023", "2023")],
        ),
        (
            "en",
            NO_PUB,
            "The 2020–2023 plan failed.",
            &[("2020", "2020"), ("2023", "2023")],
        ),
        (
            "en",
            NO_PUB,
            "The fair runs from May 3 to 5, 2024.",
            &[("May 3", "2024-05-03"), ("5, 2024", "2024-05-05")],
        ),
    ]);
}

#[test]
fn english_quarters_and_anchored() {
    check(&[
        (
            "en",
            NO_PUB,
            "Sales rose in the first quarter of 2024.",
            &[("the first quarter of 2024", "2024-Q1")],
        ),
        (
            "en",
            NO_PUB,
            "Revenue hit $1.2 billion in Q3 2024.",
            &[("Q3 2024", "2024-Q3")],
        ),
        (
            "en",
            PUB,
            "This morning the market fell.",
            &[("This morning", "2025-04-03TMO")],
        ),
        (
            "en",
            PUB,
            "The vote is tonight.",
            &[("tonight", "2025-04-03TNI")],
        ),
        (
            "en",
            NO_PUB,
            "The treaty was signed in 2015. Two years later, it lapsed; a year earlier, it held.",
            &[
                ("2015", "2015"),
                ("Two years later", "2017"),
                ("a year earlier", "2014"),
            ],
        ),
    ]);
}

#[test]
fn english_weekday_direction_and_counts() {
    check(&[
        (
            "en",
            PUB,
            "He spoke on Tuesday.",
            &[("Tuesday", "2025-04-01")],
        ),
        (
            "en",
            PUB,
            "He will speak on Tuesday.",
            &[("Tuesday", "2025-04-08")],
        ),
        ("en", NO_PUB, "The hall has 1500 seats.", &[]),
        (
            "en",
            NO_PUB,
            "The 2024 elections were close.",
            &[("2024", "2024")],
        ),
        (
            "en",
            NO_PUB,
            "In 2024 elections were close.",
            &[("2024", "2024")],
        ),
        ("en", NO_PUB, "The next Summer Games open soon.", &[]),
    ]);
}

#[test]
fn english_month_takes_publication_year() {
    check(&[
        // Published 2025-04-03.
        (
            "en",
            PUB,
            "The law will take effect in January.",
            &[("January", "2026-01")],
        ),
        (
            "en",
            PUB,
            "The treaty was signed in November.",
            &[("November", "2024-11")],
        ),
        (
            "en",
            PUB,
            "He travels to Moscow in June.",
            &[("June", "2025-06")],
        ),
    ]);
}

#[test]
fn english_compound_counts() {
    check(&[(
        "en",
        PUB,
        "Twenty-five years ago the wall fell.",
        &[("Twenty-five years ago", "2000")],
    )]);
}
