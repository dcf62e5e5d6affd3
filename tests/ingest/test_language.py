"""The cheap language guess, on short texts written for these tests."""

from __future__ import annotations

import pytest

from crosscheck.ingest.language import detect

SAMPLES = {
    "en": "Two officials said that the port was closed on Thursday after a strike by the "
    "workers, and the ministry has not yet responded to a request for comment.",
    "ar": "قال مسؤولان إن الميناء الشمالي أغلق يوم الخميس بعد إضراب عمال الرصيف، "
    "ولم ترد الوزارة على طلب للتعليق.",
    "fr": "Deux responsables ont déclaré que le port du nord a été fermé jeudi après une "
    "grève des dockers, et le ministère n'a pas répondu à une demande de commentaire.",
    "es": "Dos funcionarios dijeron que el puerto del norte fue cerrado el jueves tras una "
    "huelga de los estibadores, y el ministerio no respondió a una solicitud de comentarios.",
    "de": "Zwei Beamte sagten, dass der Hafen im Norden am Donnerstag nach einem Streik der "
    "Hafenarbeiter geschlossen wurde, und das Ministerium hat auf eine Anfrage nicht reagiert.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_language_of_a_paragraph(lang):
    assert detect(SAMPLES[lang]) == lang


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t",
        "Port closed",  # too short to tell
        "2024-03-01 12:00 15,000 42 %",
        "Reuters AFP Al Jazeera BBC Associated Press Bloomberg Xinhua",  # names, no prose
        "گفت که بندر شمالی پس از اعتصاب کارگران بسته شد و وزارتخانه پاسخی نداد.",  # Persian
        "两名官员说，北部港口在码头工人罢工后于周四关闭。",
        "Двое чиновников заявили, что северный порт был закрыт в четверг после забастовки.",
    ],
)
def test_unsure_is_none(text):
    assert detect(text) is None


def test_never_raises_on_odd_input():
    assert detect("\x00\ufffd" * 50) is None
    assert detect(None) is None  # type: ignore[arg-type]
