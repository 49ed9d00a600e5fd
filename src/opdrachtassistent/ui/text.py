"""Every Dutch text of the app's own chrome (titles, labels, buttons, status notes), together."""

TEXT = {
    "title": "Opdrachtassistent",
    "intro": (
        "# Opdrachtassistent: integrale opdracht voor de openbare ruimte\n"
        "Beantwoord de vragen in het gesprek. Rechts groeit de opdracht mee: per onderdeel "
        "ziet u wat er al staat en wat nog ontbreekt. U kunt een onderdeel ook direct bewerken. "
        "Alles blijft op deze computer."
    ),
    "chat": "Gesprek met de assistent",
    "input": "Uw antwoord",
    "input_placeholder": "Typ uw antwoord en druk op Enter om te versturen",
    "send": "Verstuur",
    "new": "Nieuw gesprek",
    "upload": "Begin met een document",
    "upload_help": (
        "Of begin met een raadsvoorstel, collegebesluit, notitie of mail: .docx, .pdf, .odt, "
        ".eml, .md of .txt, maximaal {limit} MB. Ik vul de opdracht ermee in en vraag daarna "
        "alleen naar wat ontbreekt."
    ),
    "upload_none": "Er is geen bestand ontvangen; kies het document nog eens.",
    "why": "Waarom vraag ik dit?",
    "doc_tab": "Opdracht",
    "map_tab": "Krachtenveld",
    "map_help": (
        "Pas invloed en belang van een partij aan bij **Bewerken**, "
        "onderdeel *Stakeholders* (de laatste twee kolommen)."
    ),
    "edit_tab": "Bewerken",
    "review_tab": "Kwaliteitstoets",
    "export_tab": "Exporteren",
    "sessions_tab": "Gesprekken",
    "scenario_tab": "Oefenen",
    "section": "Onderdeel om te bewerken",
    "editor": "Inhoud van het onderdeel",
    "save_edit": "Wijziging opslaan",
    "review": "Kwaliteitstoets uitvoeren",
    "review_intro": (
        "De kwaliteitstoets kijkt of de opdracht knelpunten voor de uitvoering bevat, met de "
        "bronnen erbij."
    ),
    "export_md": "Exporteer als Markdown",
    "export_docx": "Exporteer als Word (.docx)",
    "export_json": "Exporteer als JSON",
    "download": "Download",
    "sessions": "Kies een eerder gesprek",
    "refresh": "Lijst vernieuwen",
    "resume": "Gesprek hervatten",
    "scenario": "Kies een scenario",
    "scenario_start": "Scenario laden",
    "scenario_step": "Volgende stap",
    "scenario_unknown": "Kies een scenario uit de lijst.",
    "edited": "Uw wijziging is verwerkt in de opdracht en in het gesprek.",
    "unexpected": (
        "Er ging iets mis bij het verwerken. Uw gesprek is niet verloren gegaan; probeer het "
        "nog eens."
    ),
    "export_done": "Het bestand staat klaar om te downloaden.",
    # the list of conversations: search, pages, deleting one
    "session_query": "Zoek op titel",
    "session_query_placeholder": "Bijvoorbeeld: Dorpsstraat",
    "session_search": "Zoek",
    "session_previous": "Vorige pagina",
    "session_next": "Volgende pagina",
    "sessions_none": "Nog geen opgeslagen gesprekken.",
    "sessions_none_found": "Geen gesprekken met '{query}' in de titel.",
    "sessions_count": "{count} {noun}",
    "sessions_count_found": "{count} {noun} met '{query}' in de titel",
    "sessions_page": ", pagina {page} van {pages}",
    "delete_confirm": "Ja, verwijder het gekozen gesprek definitief, met de exports ervan",
    "delete": "Gekozen gesprek verwijderen",
    "delete_help": (
        "Een verwijderd gesprek kunt u niet meer hervatten. Bewaart uw gemeente gesprekken "
        "een beperkte tijd, dan verdwijnen oudere gesprekken ook vanzelf."
    ),
    "delete_confirm_first": (
        "Vink eerst aan dat u het gesprek definitief wilt verwijderen; er is niets verwijderd."
    ),
    "deleted": "Gesprek '{title}' is verwijderd, met de exports ervan.",
    "deleted_current": (
        "Gesprek '{title}' is verwijderd, met de exports ervan. U begint een nieuw gesprek."
    ),
    # one conversation changed from two places (two tabs, a double submit, a restart)
    "changed_elsewhere": (
        "Dit gesprek was intussen al gewijzigd, in een ander venster of door een eerder "
        "verstuurd antwoord. Uw invoer is toegevoegd aan de nieuwste versie; hieronder staat "
        "het gesprek zoals het nu is."
    ),
    "conversation_gone": (
        "Het gesprek in dit venster bestaat niet meer (het is verwijderd) of hoort bij een "
        "andere gebruiker. Uw invoer is nergens opgeslagen; hieronder begint een nieuw "
        "gesprek."
    ),
    "conversation_busy": (
        "Dit gesprek wordt op dit moment ook ergens anders gewijzigd. Uw invoer is niet "
        "opgeslagen; verstuur het zo nog eens."
    ),
    # the review loop: shared commissions, comments, status, versions, the audit trail
    "shared_read": (
        "Dit is de opdracht van een collega; u bent {role}. U kunt hem lezen en bij "
        "Beoordeling opmerkingen plaatsen, maar niet antwoorden of bewerken."
    ),
    "shared_edit": (
        "Dit is de opdracht van een collega; u bent {role} en kunt hem ook beantwoorden "
        "en bewerken."
    ),
    "loop_tab": "Beoordeling",
    "loop_intro": (
        "Deel de opdracht met collega's, verzamel opmerkingen per onderdeel, bied hem ter "
        "review aan en laat de opdrachtgever hem vaststellen. Elke versie blijft bewaard."
    ),
    "loop_refresh": "Beoordeling vernieuwen",
    "share_heading": "Delen",
    "share_user": "Gebruikersnaam van de collega",
    "share_role": "Rol",
    "share": "Delen",
    "unshare": "Niet meer delen",
    "share_needs_login": (
        "Delen kan alleen als iedereen met een eigen gebruikersnaam inlogt; deze app draait "
        "nu zonder inloggen, voor één gebruiker."
    ),
    "not_stored": (
        "Deze opdracht is nog niet opgeslagen: beantwoord eerst een vraag of begin met een "
        "document."
    ),
    "status_heading": "Status",
    "submit": "Ter review aanbieden",
    "approve": "Vaststellen",
    "send_back": "Terugsturen",
    "send_back_reason": "Reden om terug te sturen",
    "comments_heading": "Opmerkingen",
    "comment_section": "Onderdeel",
    "comment_whole": "Hele opdracht",
    "comment_text": "Uw opmerking of reactie",
    "comment": "Opmerking plaatsen",
    "comment_thread": "Opmerking om op te reageren of af te handelen",
    "reply": "Reageren",
    "resolve": "Afhandelen",
    "versions_heading": "Versies vergelijken",
    "version_old": "Van versie",
    "version_new": "Naar versie",
    "version_now": "Huidige tekst",
    "compare": "Vergelijk",
    "diff_md": "Wijzigingsrapport als Markdown",
    "diff_docx": "Wijzigingsrapport als Word",
    "audit_heading": "Logboek",
    "audit": "Logboek tonen en downloaden (CSV)",
    "loop_download": "Download",
    "export_comments": "Open opmerkingen als bijlage meenemen",
    "shared_done": "De opdracht is gedeeld met {user} als {role}.",
    "unshared_done": "{user} ziet deze opdracht niet meer.",
    "unshared_none": "{user} had geen toegang tot deze opdracht.",
    "submitted": "De opdracht ligt ter review bij de opdrachtgever.",
    "approved": "De opdracht is vastgesteld als versie {number}.",
    "sent_back": "De opdracht is teruggestuurd en weer een concept.",
    "commented": "Uw opmerking is geplaatst.",
    "resolved": "De opmerking is afgehandeld.",
    "choose_thread": "Kies eerst een opmerking uit de lijst.",
    "choose_versions": "Kies twee versies om te vergelijken.",
    "no_versions": "Er is nog geen versie om mee te vergelijken.",
}
