<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../ui/editor_conflict.py" line="85"/>
        <source>{who} saved this group after you opened it: Save again to see both sides&apos; changes, or Cancel.</source>
        <translation>{who} hat diese Gruppe gespeichert, nachdem Sie sie geöffnet haben: Speichern Sie erneut, um die Änderungen beider Seiten zu sehen, oder brechen Sie ab.</translation>
    </message>
    <message>
        <location filename="../ui/editor_news.py" line="52"/>
        <source>&amp;Review</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/editor_news.py" line="54"/>
        <source>See what they changed, and keep yours on top</source>
        <translation>Ansehen, was die andere Seite geändert hat, und Ihre Änderungen darauf anwenden</translation>
    </message>
    <message>
        <location filename="../ui/editor_news.py" line="75"/>
        <source>Changed by {who} at {time} — review it before you save.</source>
        <translation>Geändert von {who} um {time} — bitte vor dem Speichern prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/editor_text.py" line="53"/>
        <source>Why? Kept in the history with this change</source>
        <translation>Warum? Wird mit dieser Änderung im Verlauf gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/editor_text.py" line="55"/>
        <source> (needed when removing more than {n} customers)</source>
        <translation> (nötig beim Entfernen von mehr als {n} Kunden)</translation>
    </message>
    <message>
        <location filename="../ui/editor_text.py" line="59"/>
        <source>Rea&amp;son</source>
        <translation>Gr&amp;und</translation>
    </message>
    <message>
        <location filename="../ui/editor_text.py" line="82"/>
        <source>{n} of {max} characters</source>
        <translation>{n} von {max} Zeichen</translation>
    </message>
    <message>
        <location filename="../ui/window_transfers.py" line="54"/>
        <source>Exporting groups…</source>
        <translation>Gruppen werden exportiert…</translation>
    </message>
    <message>
        <location filename="../ui/window_views.py" line="82"/>
        <source>{said} The current filters hide it.</source>
        <translation>{said} Die aktuellen Filter blenden sie aus.</translation>
    </message>
    <message>
        <location filename="../ui/appearance_menu.py" line="46"/>
        <source>&amp;Appearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <location filename="../ui/appearance_menu.py" line="47"/>
        <location filename="../ui/appearance_menu.py" line="73"/>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../ui/appearance_menu.py" line="48"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../ui/appearance_menu.py" line="49"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/appearance_menu.py" line="69"/>
        <source>custgroups will speak {language} from its next start.</source>
        <translation>Ab dem nächsten Start spricht custgroups {language}.</translation>
    </message>
    <message>
        <location filename="../ui/appearance_menu.py" line="72"/>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <location filename="../ui/carry.py" line="23"/>
        <source>Move Customers</source>
        <translation>Kunden verschieben</translation>
    </message>
    <message>
        <location filename="../ui/carry.py" line="23"/>
        <source>Copy Customers</source>
        <translation>Kunden kopieren</translation>
    </message>
    <message>
        <location filename="../ui/carry.py" line="28"/>
        <source>There is no other active group to take them.</source>
        <translation>Es gibt keine andere aktive Gruppe, die sie aufnehmen kann.</translation>
    </message>
    <message>
        <location filename="../ui/carry.py" line="30"/>
        <source>To which group?</source>
        <translation>In welche Gruppe?</translation>
    </message>
    <message>
        <location filename="../ui/carry.py" line="41"/>
        <source>Move {customers} from {source} to {target}?</source>
        <translation>Von {source} nach {target} verschieben: {customers}?</translation>
    </message>
    <message>
        <location filename="../ui/carry.py" line="42"/>
        <source>Copy {customers} from {source} to {target}?</source>
        <translation>Von {source} nach {target} kopieren: {customers}?</translation>
    </message>
    <message>
        <location filename="../ui/carry.py" line="44"/>
        <location filename="../ui/carry.py" line="47"/>
        <source>{code} &apos;{name}&apos;: {before} → {after} members</source>
        <translation>{code} „{name}“: {before} → {after} Mitglieder</translation>
    </message>
    <message>
        <location filename="../ui/carry.py" line="51"/>
        <source>{customers} in {code} already.</source>
        <translation>Bereits in {code}: {customers}.</translation>
    </message>
    <message>
        <location filename="../ui/carry.py" line="54"/>
        <source>{customers} inactive: {code} cannot take them, so they stay where they are.</source>
        <translation>Inaktiv: {customers}; {code} kann sie nicht aufnehmen, daher bleiben sie, wo sie sind.</translation>
    </message>
    <message>
        <location filename="../ui/carry.py" line="57"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location filename="../ui/carry.py" line="57"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="299"/>
        <source>Open Database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="300"/>
        <source>custgroups databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>custgroups-Datenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialog_form.py" line="56"/>
        <source>This computer has no system keychain, so the password will be asked at each start.</source>
        <translation>Auf diesem Computer gibt es keinen Schlüsselbund des Systems, daher wird das Passwort bei jedem Start abgefragt.</translation>
    </message>
    <message>
        <location filename="../ui/member_file.py" line="33"/>
        <location filename="../ui/member_file.py" line="58"/>
        <source>Import Members</source>
        <translation>Mitglieder importieren</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="23"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>Tabellen (*.xlsx *.xls *.ods *.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/member_file.py" line="46"/>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/member_file.py" line="59"/>
        <source>Which column holds the customer codes?</source>
        <translation>Welche Spalte enthält die Kundennummern?</translation>
    </message>
    <message>
        <location filename="../ui/selection.py" line="24"/>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <location filename="../ui/selection.py" line="24"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/selection.py" line="29"/>
        <source>%Ln group(s) selected</source>
        <translation>
            <numerusform>%Ln Gruppe ausgewählt</numerusform>
            <numerusform>%Ln Gruppen ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/selection.py" line="36"/>
        <source>Deactivate {code} &apos;{name}&apos;? Its {customers} stay in it, but no customers can be added until it is activated again.</source>
        <translation>{code} „{name}“ deaktivieren? Die Mitglieder ({customers}) bleiben in der Gruppe, aber bis sie wieder aktiviert ist, können keine Kunden hinzugefügt werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/selection.py" line="40"/>
        <source>Deactivate %Ln group(s) with {customers} in all? Their customers stay in them, but none can be added until they are activated again.</source>
        <translation>
            <numerusform>%Ln Gruppe deaktivieren (Mitglieder insgesamt: {customers})? Die Kunden bleiben in der Gruppe, aber bis sie wieder aktiviert ist, können keine hinzugefügt werden.</numerusform>
            <numerusform>%Ln Gruppen deaktivieren (Mitglieder insgesamt: {customers})? Die Kunden bleiben in den Gruppen, aber bis diese wieder aktiviert sind, können keine hinzugefügt werden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/selection.py" line="43"/>
        <source>Deactivate groups</source>
        <translation>Gruppen deaktivieren</translation>
    </message>
    <message>
        <location filename="../ui/selection.py" line="44"/>
        <source>Deactivate group</source>
        <translation>Gruppe deaktivieren</translation>
    </message>
    <message>
        <location filename="../ui/selection.py" line="44"/>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="43"/>
        <source> or </source>
        <extracomment>Keys a clerk presses alone; others alone are media keys few keyboards have (Refresh, Exit).</extracomment>
        <translation> oder </translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="60"/>
        <location filename="../ui/shortcuts_dialog.py" line="97"/>
        <source>Customer Groups</source>
        <translation>Kundengruppen</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="60"/>
        <source>Group editor</source>
        <translation>Bearbeitungsfenster</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="61"/>
        <source>Customer picker</source>
        <translation>Kundenauswahl</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="61"/>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="63"/>
        <source>Previous page / next page</source>
        <translation>Vorherige Seite / nächste Seite</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="65"/>
        <source>First page / last page</source>
        <translation>Erste Seite / letzte Seite</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="67"/>
        <source>Edit the selected group</source>
        <translation>Ausgewählte Gruppe bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="68"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="69"/>
        <source>Paste codes</source>
        <translation>Kundennummern einfügen</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="70"/>
        <source>Choose how a list changes the group</source>
        <translation>Wählen, wie eine Liste die Gruppe ändert</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="71"/>
        <source>Apply the pasted list</source>
        <translation>Eingefügte Liste anwenden</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="72"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="73"/>
        <source>Remove the selected members</source>
        <translation>Ausgewählte Mitglieder entfernen</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="75"/>
        <source>Undo the last change to members</source>
        <translation>Letzte Änderung an den Mitgliedern rückgängig machen</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="76"/>
        <source>Redo it</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="77"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="78"/>
        <source>From the search into the results</source>
        <translation>Von der Suche in die Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="79"/>
        <source>Tick or untick the selected customers</source>
        <translation>Häkchen bei den ausgewählten Kunden setzen oder entfernen</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="80"/>
        <source>Browse, or the pasted list</source>
        <translation>Durchsuchen oder eingefügte Liste</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="82"/>
        <source>Customer codes of the pasted list</source>
        <translation>Kundennummern der eingefügten Liste</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="84"/>
        <source>Tick or untick a group</source>
        <translation>Häkchen bei einer Gruppe setzen oder entfernen</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="85"/>
        <source>Save the pasted list&apos;s ticks</source>
        <translation>Häkchen der eingefügten Liste speichern</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="86"/>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="86"/>
        <source>Leave a table</source>
        <translation>Tabelle verlassen</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="107"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="110"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="111"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="111"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="111"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../ui/team_view.py" line="25"/>
        <source>Your database login ({who}) may look at groups and export them, but not change them. Ask your administrator for editing rights.</source>
        <translation>Ihre Datenbankanmeldung ({who}) darf Gruppen ansehen und exportieren, aber nicht ändern. Bitten Sie Ihren Administrator um Bearbeitungsrechte.</translation>
    </message>
    <message>
        <location filename="../ui/team_view.py" line="42"/>
        <source>Read only</source>
        <translation>Nur Lesezugriff</translation>
    </message>
    <message>
        <location filename="../ui/team_view.py" line="102"/>
        <source>Other clerks&apos; changes no longer appear by themselves (the details are in the log): press F5 to see the list as it is now.</source>
        <translation>Änderungen anderer Benutzer erscheinen nicht mehr automatisch (Details stehen im Protokoll): Drücken Sie F5, um die Liste im aktuellen Stand zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="65"/>
        <source>Export Customers</source>
        <extracomment>What runs an export as long work: a label for its progress, and the work.</extracomment>
        <translation>Kunden exportieren</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="66"/>
        <source>Excel workbook (*.xlsx);;CSV text (*.csv)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV-Text (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="68"/>
        <source>Exporting customers…</source>
        <translation>Kunden werden exportiert…</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="74"/>
        <location filename="../ui/transfers.py" line="144"/>
        <location filename="../ui/transfers.py" line="160"/>
        <source>Import Customers</source>
        <translation>Kunden importieren</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="104"/>
        <source>Export finished</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="105"/>
        <source>Saved to {paths}.</source>
        <translation>Gespeichert unter {paths}.</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="106"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="111"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="115"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="117"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="130"/>
        <location filename="../ui/transfers.py" line="132"/>
        <source>Nothing was imported</source>
        <translation>Es wurde nichts importiert</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="135"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Import abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="145"/>
        <source>Reading and checking {name}…</source>
        <translation>{name} wird gelesen und geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="156"/>
        <source>Customers imported</source>
        <translation>Kunden importiert</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="157"/>
        <source>{name}: {summary}.</source>
        <translation>{name}: {summary}.</translation>
    </message>
    <message>
        <location filename="../ui/transfers.py" line="161"/>
        <source>Importing {name}…</source>
        <translation>{name} wird importiert…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wording.py" line="28"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln Kunde</numerusform>
            <numerusform>%Ln Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wording.py" line="33"/>
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln Gruppe</numerusform>
            <numerusform>%Ln Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wording.py" line="38"/>
        <source>%Ln changed tick(s)</source>
        <translation>
            <numerusform>%Ln geändertes Häkchen</numerusform>
            <numerusform>%Ln geänderte Häkchen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="43"/>
        <source>{n} recognised</source>
        <translation>{n} erkannt</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="45"/>
        <source>{n} already in the group</source>
        <translation>{n} bereits in der Gruppe</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wording.py" line="48"/>
        <location filename="../ui/wording.py" line="66"/>
        <source>%Ln duplicate(s)</source>
        <translation>
            <numerusform>%Ln Duplikat</numerusform>
            <numerusform>%Ln Duplikate</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="52"/>
        <source>{n} inactive, not added</source>
        <translation>{n} inaktiv, nicht hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="53"/>
        <location filename="../ui/wording.py" line="67"/>
        <location filename="../ui/wording.py" line="97"/>
        <location filename="../ui/wording.py" line="113"/>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="59"/>
        <source>{customers} in {groups}</source>
        <translation>{customers} in {groups}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="62"/>
        <source>{n} of them inactive</source>
        <translation>davon {n} inaktiv</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="71"/>
        <source>{code} (did you mean {suggestion}?)</source>
        <translation>{code} (meinten Sie {suggestion}?)</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="75"/>
        <source>{n} unknown: {codes}</source>
        <translation>{n} unbekannt: {codes}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="76"/>
        <source> and {n} more</source>
        <translation> und {n} weitere</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="83"/>
        <source>to add {n}</source>
        <translation>{n} hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="85"/>
        <source>to remove {n} (not in the list)</source>
        <translation>{n} entfernen (nicht in der Liste)</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="87"/>
        <source>to remove {n}</source>
        <translation>{n} entfernen</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="88"/>
        <source>unchanged {n}</source>
        <translation>{n} unverändert</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="90"/>
        <source>not in the group {n}</source>
        <translation>{n} nicht in der Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="94"/>
        <source>inactive {n}</source>
        <translation>{n} inaktiv</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="96"/>
        <source>duplicates {n}</source>
        <translation>{n} doppelt</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="102"/>
        <source>{n} updated</source>
        <translation>{n} aktualisiert</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="106"/>
        <source>{n} new</source>
        <translation>{n} neu</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="108"/>
        <source>{n} reactivated</source>
        <translation>{n} wieder aktiviert</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="110"/>
        <source>{n} deactivated</source>
        <translation>{n} deaktiviert</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="112"/>
        <source>{n} unchanged</source>
        <translation>{n} unverändert</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="120"/>
        <source>{change} (reason: {reason})</source>
        <translation>{change} (Grund: {reason})</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="127"/>
        <source>Created as &apos;{name}&apos;</source>
        <translation>Angelegt als „{name}“</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="129"/>
        <source>Renamed from &apos;{old}&apos; to &apos;{new}&apos;</source>
        <translation>Umbenannt von „{old}“ in „{new}“</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="132"/>
        <source>Description changed</source>
        <translation>Beschreibung geändert</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="132"/>
        <source>Description cleared</source>
        <translation>Beschreibung gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="134"/>
        <source>Activated</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="136"/>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wording.py" line="138"/>
        <source>Added %Ln customer(s)</source>
        <translation>
            <numerusform>%Ln Kunde hinzugefügt</numerusform>
            <numerusform>%Ln Kunden hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wording.py" line="140"/>
        <source>Removed %Ln customer(s)</source>
        <translation>
            <numerusform>%Ln Kunde entfernt</numerusform>
            <numerusform>%Ln Kunden entfernt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="150"/>
        <source>= {formula}</source>
        <translation>= {formula}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="152"/>
        <source>moved to {name}</source>
        <translation>verschoben nach {name}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="154"/>
        <source>moved from {name}</source>
        <translation>verschoben aus {name}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="156"/>
        <source>copied from {name}</source>
        <translation>kopiert aus {name}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="158"/>
        <source>from {name}</source>
        <translation>aus {name}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="158"/>
        <source>from a pasted list</source>
        <translation>aus einer eingefügten Liste</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="160"/>
        <source>as listed in {name}</source>
        <translation>wie in {name} aufgeführt</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="161"/>
        <source>as listed in a paste</source>
        <translation>wie in einer eingefügten Liste aufgeführt</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="163"/>
        <source>matched to {name}</source>
        <translation>Angleichung an {name}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="164"/>
        <source>matched to a pasted list</source>
        <translation>Angleichung an eine eingefügte Liste</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="165"/>
        <source> ({how})</source>
        <translation> ({how})</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="171"/>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="171"/>
        <source>picker</source>
        <translation>Kundenauswahl</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="172"/>
        <source>pasted list</source>
        <translation>eingefügte Liste</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="172"/>
        <source>file {source}</source>
        <translation>Datei {source}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="173"/>
        <source>matched to {source}</source>
        <translation>Angleichung an {source}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="173"/>
        <source>matched to a paste</source>
        <translation>Angleichung an eine eingefügte Liste</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="174"/>
        <source>= {source}</source>
        <translation>= {source}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="174"/>
        <source>copied from {source}</source>
        <translation>kopiert aus {source}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="175"/>
        <source>moved, {source}</source>
        <translation>verschoben, {source}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="175"/>
        <source>command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="176"/>
        <source>Customers window</source>
        <translation>Fenster „Kunden“</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="176"/>
        <source>revert of {source}</source>
        <translation>Rücknahme von {source}</translation>
    </message>
    <message>
        <location filename="../ui/wording.py" line="182"/>
        <source>command line, {source}</source>
        <translation>Befehlszeile, {source}</translation>
    </message>
    <message>
        <location filename="../app.py" line="130"/>
        <location filename="../app.py" line="187"/>
        <source>Cannot open the database</source>
        <extracomment>The window opened by File → Open Database… or Connect to Server…, kept alive here. The translators in use, kept alive as long as the application.</extracomment>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app.py" line="153"/>
        <source>Something went wrong</source>
        <translation>Ein Fehler ist aufgetreten</translation>
    </message>
    <message>
        <location filename="../app.py" line="154"/>
        <source>Something unexpected went wrong. Your saved work is safe; what you were doing may not have finished. The details are in {log}.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Ihre gespeicherte Arbeit ist sicher; der laufende Vorgang wurde möglicherweise nicht abgeschlossen. Details finden Sie in {log}.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="71"/>
        <source>Enter the server&apos;s name or address, such as db.example.com.</source>
        <extracomment>libpq&apos;s ``sslmode`` values, the plain ones first: what the connection dialog offers. Query options that carry a password: never kept, never shown.</extracomment>
        <translation>Geben Sie den Namen oder die Adresse des Servers ein, etwa db.example.com.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="74"/>
        <source>Enter only the server&apos;s name or address, such as db.example.com: it has no spaces and none of / @ ? #.</source>
        <translation>Geben Sie nur den Namen oder die Adresse des Servers ein, etwa db.example.com: ohne Leerzeichen und ohne / @ ? #.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="77"/>
        <source>The port is a number from 1 to 65535; most servers use {port}.</source>
        <translation>Der Port ist eine Zahl von 1 bis 65535; die meisten Server verwenden {port}.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="82"/>
        <source>Enter the name of the database on the server.</source>
        <translation>Geben Sie den Namen der Datenbank auf dem Server ein.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="84"/>
        <source>&apos;{setting}&apos; is not an encryption setting custgroups knows.</source>
        <translation>„{setting}“ ist keine Verschlüsselungseinstellung, die custgroups kennt.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="93"/>
        <source>{database} (schema {schema}) on {host}</source>
        <translation>{database} (Schema {schema}) auf {host}</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="95"/>
        <source>{database} on {host}</source>
        <translation>{database} auf {host}</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="185"/>
        <source>&apos;{address}&apos; is not a database server address: use postgresql://user@host:5432/name.</source>
        <translation>„{address}“ ist keine Adresse eines Datenbankservers: Verwenden Sie postgresql://benutzer@server:5432/name.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="192"/>
        <location filename="../core/db/connect.py" line="88"/>
        <source>The database address &apos;{address}&apos; is not valid: {reason}.</source>
        <translation>Die Datenbankadresse „{address}“ ist ungültig: {reason}.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="225"/>
        <source>Connected to {server} as {user}: the database is empty. Its administrator sets it up, or custgroups does when it first opens it.</source>
        <translation>Mit {server} als {user} verbunden: Die Datenbank ist leer. Ihr Administrator richtet sie ein, oder custgroups tut es beim ersten Öffnen.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="231"/>
        <source>Connected to {server} as {user}, but the database records its schema version as &apos;{version}&apos;, which custgroups never writes: ask its administrator to check it.</source>
        <translation>Mit {server} als {user} verbunden, aber die Datenbank nennt als Schemaversion „{version}“, die custgroups nie schreibt: Bitten Sie ihren Administrator, das zu prüfen.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="237"/>
        <source>Connected to {server} as {user}, but the database was made by a newer version of custgroups (schema {version}; this copy knows up to {latest}). Update custgroups to use it.</source>
        <translation>Mit {server} als {user} verbunden, aber die Datenbank stammt von einer neueren Version von custgroups (Schema {version}; diese Installation kennt bis {latest}). Aktualisieren Sie custgroups, um sie zu verwenden.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="243"/>
        <source>Connected to {server} as {user}: groups: {count}; its schema (version {version}) is brought up to date when custgroups opens it.</source>
        <translation>Mit {server} als {user} verbunden: Gruppen: {count}; ihr Schema (Version {version}) wird beim Öffnen durch custgroups aktualisiert.</translation>
    </message>
    <message>
        <location filename="../core/db/address.py" line="246"/>
        <source>Connected to {server} as {user}: groups: {count}, schema up to date.</source>
        <translation>Mit {server} als {user} verbunden: Gruppen: {count}, Schema aktuell.</translation>
    </message>
    <message>
        <location filename="../core/db/connect.py" line="64"/>
        <location filename="../core/db/operations.py" line="93"/>
        <source>No database is open.</source>
        <extracomment>What a database failure can be raised as, by the drivers, peewee or the pool. The server login in use (None for an SQLite file): what the history records. False for a server login that may only read (see :mod:`custgroups.core.db.team`). The SQLite file opened, checked before each operation; None for other databases.
----------
Seconds to wait before each repeat of a read whose server connection died or whose server is restarting: the first repeat at once (a pooled connection outlived a restart), then about eight seconds in all, as long as a server takes to come back up.</extracomment>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <location filename="../core/db/connect.py" line="120"/>
        <source>{address} is not a database server address: postgresql://user@host:5432/name.</source>
        <translation>{address} ist keine Adresse eines Datenbankservers: postgresql://benutzer@server:5432/name.</translation>
    </message>
    <message>
        <location filename="../core/db/connect.py" line="222"/>
        <source>the database</source>
        <translation>die Datenbank</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="85"/>
        <source>{disk} is full, so nothing was saved; the database itself is intact. Free some space and try again.</source>
        <extracomment>Less free space than this beside a database that failed to write means the disk is full: SQLite then reports only &quot;disk I/O error&quot; (it could not grow its shared-memory file). The sentence for each failure, from its :class:`Words`.</extracomment>
        <translation>{disk} ist voll, daher wurde nichts gespeichert; die Datenbank selbst ist unversehrt. Schaffen Sie Platz und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="88"/>
        <source>The database server&apos;s disk is full, so {nothing}; the database itself is intact. Ask your administrator to free some space.</source>
        <translation>Das Laufwerk des Datenbankservers ist voll, und {nothing}; die Datenbank selbst ist unversehrt. Bitten Sie Ihren Administrator, Platz zu schaffen.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="91"/>
        <source>Another clerk&apos;s change or another program is holding the database, so {nothing}; try again in a moment.</source>
        <translation>Die Änderung eines anderen Benutzers oder ein anderes Programm blockiert die Datenbank, und {nothing}. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="94"/>
        <source>The database {where} is read-only here, so nothing was saved. Check the file&apos;s permissions or open a copy you can change.</source>
        <translation>Die Datenbank {where} ist hier schreibgeschützt, daher wurde nichts gespeichert. Prüfen Sie die Berechtigungen der Datei oder öffnen Sie eine Kopie, die Sie ändern dürfen.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="97"/>
        <source>{where} is not a custgroups database (or it is damaged). Open another file.</source>
        <translation>{where} ist keine custgroups-Datenbank (oder sie ist beschädigt). Öffnen Sie eine andere Datei.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="100"/>
        <source>The database {where} could not be read or written: it is damaged or its disk failed. {Nothing}; details are in the log. If this happens again, restore it from a backup.</source>
        <translation>Die Datenbank {where} konnte nicht gelesen oder geschrieben werden: Sie ist beschädigt oder ihr Laufwerk ist ausgefallen. {Nothing}; Details finden Sie im Protokoll. Wenn das wieder vorkommt, stellen Sie sie aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="104"/>
        <source>The database {where} cannot be opened: the file or its folder is missing, or you may not write there.</source>
        <translation>Die Datenbank {where} kann nicht geöffnet werden: Die Datei oder ihr Ordner fehlt, oder Sie dürfen dort nicht schreiben.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="107"/>
        <source>The database server refused the login for {where}, so {nothing}. Check the user and password, or ask your administrator for a login.</source>
        <translation>Der Datenbankserver hat die Anmeldung für {where} abgelehnt, und {nothing}. Prüfen Sie Benutzer und Passwort, oder bitten Sie Ihren Administrator um eine Anmeldung.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="111"/>
        <source>The database server does not know the user named in {where}, so {nothing}. Check the user, or ask your administrator for a login.</source>
        <translation>Der Datenbankserver kennt den in {where} genannten Benutzer nicht, und {nothing}. Prüfen Sie den Benutzer, oder bitten Sie Ihren Administrator um eine Anmeldung.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="114"/>
        <source>The database server has no database named &apos;{name}&apos; ({where}), so {nothing}. Check the address, or ask your administrator for it.</source>
        <translation>Der Datenbankserver hat keine Datenbank namens „{name}“ ({where}), und {nothing}. Prüfen Sie die Adresse, oder fragen Sie Ihren Administrator danach.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="118"/>
        <source>Cannot reach the database server for {where}, so {nothing}. Check that it is running and that this computer is on its network.</source>
        <translation>Der Datenbankserver für {where} ist nicht erreichbar, und {nothing}. Prüfen Sie, ob er läuft und ob dieser Computer mit seinem Netzwerk verbunden ist.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="122"/>
        <source>The database server for {where} refused the connection, so {nothing}; its reason is in the log. Ask your administrator.</source>
        <translation>Der Datenbankserver für {where} hat die Verbindung abgelehnt, und {nothing}; den Grund finden Sie im Protokoll. Wenden Sie sich an Ihren Administrator.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="125"/>
        <source>The database server for {where} is not set up for custgroups yet, and your login may not set it up, so {nothing}. Ask your administrator to run custgroups server-setup.</source>
        <translation>Der Datenbankserver für {where} ist noch nicht für custgroups eingerichtet, und Ihre Anmeldung darf ihn nicht einrichten; {nothing}. Bitten Sie Ihren Administrator, custgroups server-setup auszuführen.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="129"/>
        <source>Your database login may not look at the groups in {where}, so nothing was changed; ask your administrator for access.</source>
        <translation>Ihre Datenbankanmeldung darf die Gruppen in {where} nicht ansehen, daher wurde nichts geändert. Bitten Sie Ihren Administrator um Zugriff.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="132"/>
        <source>Your database login may look at the groups but not change them, so nothing was saved; ask your administrator for editing rights.</source>
        <translation>Ihre Datenbankanmeldung darf die Gruppen ansehen, aber nicht ändern, daher wurde nichts gespeichert. Bitten Sie Ihren Administrator um Bearbeitungsrechte.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="135"/>
        <source>The database server for {where} takes no changes right now (it is a read-only copy, or set to read-only), so nothing was saved. Ask your administrator which server takes changes.</source>
        <translation>Der Datenbankserver für {where} nimmt zurzeit keine Änderungen an (er ist eine schreibgeschützte Kopie oder auf schreibgeschützt gestellt), daher wurde nichts gespeichert. Fragen Sie Ihren Administrator, welcher Server Änderungen annimmt.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="139"/>
        <source>The database {where} lacks a table or column custgroups needs (it was changed outside custgroups), so {nothing}. Ask your administrator to restore it.</source>
        <translation>In der Datenbank {where} fehlt eine Tabelle oder Spalte, die custgroups benötigt (sie wurde außerhalb von custgroups geändert), und {nothing}. Bitten Sie Ihren Administrator, sie wiederherzustellen.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="143"/>
        <source>The database server has no free connections right now, so {nothing}. Try again in a moment; if this keeps happening, ask your administrator to allow more connections.</source>
        <translation>Der Datenbankserver hat zurzeit keine freien Verbindungen, und {nothing}. Versuchen Sie es gleich noch einmal; wenn das öfter vorkommt, bitten Sie Ihren Administrator, mehr Verbindungen zuzulassen.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="147"/>
        <source>The database server is short of memory or another resource right now, so {nothing}. Try again later, or tell your administrator.</source>
        <translation>Dem Datenbankserver fehlt zurzeit Arbeitsspeicher oder eine andere Ressource, und {nothing}. Versuchen Sie es später noch einmal oder informieren Sie Ihren Administrator.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="150"/>
        <source>Someone else was changing the same data at that moment, so {nothing}. Please try again.</source>
        <translation>Jemand anderes hat im selben Moment dieselben Daten geändert, und {nothing}. Bitte versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="153"/>
        <source>Another clerk&apos;s change is holding this group, so {nothing}; try again in a moment.</source>
        <translation>Die Änderung eines anderen Benutzers blockiert diese Gruppe, und {nothing}. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="156"/>
        <source>The database server stopped this before it finished (it ran too long, or the administrator cancelled it), so {nothing}. Try again when the server is less busy, or ask your administrator.</source>
        <translation>Der Datenbankserver hat den Vorgang vorzeitig beendet (er dauerte zu lange, oder der Administrator hat ihn abgebrochen), und {nothing}. Versuchen Sie es noch einmal, wenn der Server weniger ausgelastet ist, oder wenden Sie sich an Ihren Administrator.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="160"/>
        <source>This save was left waiting part-way (did the computer sleep?), so the database server cancelled it and nothing was saved. Try again.</source>
        <translation>Dieser Speichervorgang blieb mittendrin stehen (war der Computer im Ruhezustand?), daher hat der Datenbankserver ihn abgebrochen, und es wurde nichts gespeichert. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="163"/>
        <source>The database server for {where} is restarting, so your change was not saved. Try again in a moment.</source>
        <translation>Der Datenbankserver für {where} wird gerade neu gestartet, daher wurde Ihre Änderung nicht gespeichert. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="166"/>
        <source>The database server for {where} is restarting, so nothing could be read. Try again in a moment.</source>
        <translation>Der Datenbankserver für {where} wird gerade neu gestartet, daher konnte nichts gelesen werden. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="169"/>
        <source>The database server for {where} restarted while your change was being saved: check whether it is there before repeating it.</source>
        <translation>Der Datenbankserver für {where} wurde neu gestartet, während Ihre Änderung gespeichert wurde: Prüfen Sie, ob sie vorhanden ist, bevor Sie sie wiederholen.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="172"/>
        <source>The connection to the database server was lost. It will reconnect on the next try; check whether your last change is there before repeating it.</source>
        <translation>Die Verbindung zum Datenbankserver wurde unterbrochen. Beim nächsten Versuch wird sie wiederhergestellt; prüfen Sie, ob Ihre letzte Änderung vorhanden ist, bevor Sie sie wiederholen.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="175"/>
        <source>The connection to the database server was lost before your change was saved, so nothing was saved. Try again: it reconnects by itself.</source>
        <translation>Die Verbindung zum Datenbankserver wurde unterbrochen, bevor Ihre Änderung gespeichert war, daher wurde nichts gespeichert. Versuchen Sie es noch einmal: Die Verbindung wird automatisch wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="178"/>
        <source>The connection to the database server was lost while reading; nothing was changed. Try again: it reconnects by itself.</source>
        <translation>Die Verbindung zum Datenbankserver wurde beim Lesen unterbrochen; es wurde nichts geändert. Versuchen Sie es noch einmal: Die Verbindung wird automatisch wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="181"/>
        <source>The database reported a problem it did not explain; nothing was half-saved. Details are in the log.</source>
        <translation>Die Datenbank hat ein Problem ohne nähere Erklärung gemeldet; es wurde nichts nur halb gespeichert. Details finden Sie im Protokoll.</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="300"/>
        <source>nothing was changed</source>
        <extracomment>PostgreSQL&apos;s SQLSTATEs, by code or by class (the first two characters). SQLite&apos;s error names (their primary part; SQLITE_IOERR_SHORT_READ is an SQLITE_IOERR). Words read where nothing else tells (see the module&apos;s docstring); the first match wins. The sentence a read gets in place of a write&apos;s.</extracomment>
        <translation>es wurde nichts geändert</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="300"/>
        <source>nothing was saved</source>
        <translation>es wurde nichts gespeichert</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="301"/>
        <source>Nothing was changed</source>
        <translation>Es wurde nichts geändert</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="301"/>
        <source>Nothing was saved</source>
        <translation>Es wurde nichts gespeichert</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="302"/>
        <source>The disk holding {folder}</source>
        <translation>Das Laufwerk mit {folder}</translation>
    </message>
    <message>
        <location filename="../core/db/failures.py" line="303"/>
        <source>The disk</source>
        <translation>Das Laufwerk</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="60"/>
        <source>The database file {path} is gone or was moved since custgroups last used it, and custgroups will not put an empty one in its place: put the file back, or, to start afresh with an empty database, delete {marker}.</source>
        <extracomment>How long an SQLite write waits for another writer before it gives up with a sentence. Written beside the default database once it exists, so that a later start can tell a first start (create it) from a file that went missing (refuse, and say so).</extracomment>
        <translation>Die Datenbankdatei {path} fehlt oder wurde verschoben, seit custgroups sie zuletzt verwendet hat, und custgroups legt keine leere Datei an ihre Stelle: Stellen Sie die Datei wieder her oder löschen Sie {marker}, um mit einer leeren Datenbank neu zu beginnen.</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="66"/>
        <source>The database file {path} does not exist (moved, deleted or mistyped?), so nothing was opened or created: open it where it is now, or make a new database there with the demo command.</source>
        <translation>Die Datenbankdatei {path} existiert nicht (verschoben, gelöscht oder vertippt?), daher wurde nichts geöffnet oder angelegt: Öffnen Sie die Datei an ihrem jetzigen Ort oder legen Sie dort mit dem Befehl demo eine neue Datenbank an.</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="117"/>
        <source>The database file {path} is gone or was moved while custgroups was open, so nothing more can be read or saved: put it back, or restart custgroups and open it where it is now.</source>
        <translation>Die Datenbankdatei {path} fehlt oder wurde verschoben, während custgroups geöffnet war, daher kann nichts mehr gelesen oder gespeichert werden: Stellen Sie die Datei wieder her oder starten Sie custgroups neu und öffnen Sie sie an ihrem jetzigen Ort.</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="166"/>
        <source>&apos;{address}&apos; names no database file: use sqlite:///path/to/file.db.</source>
        <extracomment>The default file&apos;s name. One development version named it &quot;custgroups.core.db&quot; by mistake; a file of that name is still used where it is the only one.</extracomment>
        <translation>„{address}“ nennt keine Datenbankdatei: Verwenden Sie sqlite:///pfad/zur/datei.db.</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="170"/>
        <source>&apos;{address}&apos; is not a database address custgroups understands: use sqlite:///path/to/file.db or postgresql://user@host:5432/name.</source>
        <translation>„{address}“ ist keine Datenbankadresse, die custgroups versteht: Verwenden Sie sqlite:///pfad/zur/datei.db oder postgresql://benutzer@host:5432/name.</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="188"/>
        <source>The folder {folder} does not exist, so the database {file} cannot be opened or created there.</source>
        <translation>Der Ordner {folder} existiert nicht, daher kann die Datenbank {file} dort weder geöffnet noch angelegt werden.</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="192"/>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} ist ein Ordner, keine Datenbankdatei.</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="194"/>
        <source>The database file {path} is read-only or not yours to change: check its permissions, or copy it somewhere you can write.</source>
        <translation>Die Datenbankdatei {path} ist schreibgeschützt, oder Sie dürfen sie nicht ändern: Prüfen Sie die Berechtigungen der Datei oder kopieren Sie sie an einen Ort, an dem Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="198"/>
        <source>The folder {folder} is read-only, so the database {file} cannot be created there.</source>
        <translation>Der Ordner {folder} ist schreibgeschützt, daher kann die Datenbank {file} dort nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="233"/>
        <source>{path} is on a network share ({share}), where custgroups does not open a database file: its write-ahead log, which keeps the file safe, does not work over a network, and two computers writing at once could damage it. Copy the file to this computer, or let the team share a custgroups server (File → Connect to Server…).</source>
        <extracomment>File systems that reach another computer: SQLite&apos;s write-ahead log needs memory shared between every program using the file, which none of these can give.</extracomment>
        <translation>{path} liegt auf einer Netzwerkfreigabe ({share}), und dort öffnet custgroups keine Datenbankdatei: Das Write-Ahead-Log, das die Datei schützt, funktioniert nicht über ein Netzwerk, und wenn zwei Computer gleichzeitig schreiben, kann die Datei beschädigt werden. Kopieren Sie die Datei auf diesen Computer oder nutzen Sie im Team einen gemeinsamen custgroups-Server (Datei → Mit Server verbinden…).</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="247"/>
        <source>a shared folder</source>
        <translation>ein freigegebener Ordner</translation>
    </message>
    <message>
        <location filename="../core/db/files.py" line="252"/>
        <source>a network drive</source>
        <translation>ein Netzlaufwerk</translation>
    </message>
    <message>
        <location filename="../core/db/migrations.py" line="44"/>
        <source>{path} was left half-written when the program using it stopped, and custgroups leaves it as it is: open it in that program first, so it can finish, then try again.</source>
        <extracomment>Bumped by every migration; a database newer than this is refused, never damaged.</extracomment>
        <translation>{path} wurde nur halb geschrieben, als das Programm, das die Datei verwendete, beendet wurde, und custgroups lässt sie unverändert: Öffnen Sie sie zuerst in diesem Programm, damit es den Vorgang abschließen kann, und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <location filename="../core/db/migrations.py" line="58"/>
        <source>other things</source>
        <translation>andere Objekte</translation>
    </message>
    <message>
        <location filename="../core/db/migrations.py" line="62"/>
        <source>{path} belongs to another program: it holds {things} ({names}; {count} in all) but no custgroups schema, so custgroups left it untouched. Open a custgroups database, or give a new file name to start one.</source>
        <translation>{path} gehört zu einem anderen Programm: Die Datei enthält {things} ({names}; insgesamt {count}), aber kein custgroups-Schema, daher hat custgroups sie nicht verändert. Öffnen Sie eine custgroups-Datenbank oder geben Sie einen neuen Dateinamen an, um eine anzulegen.</translation>
    </message>
    <message>
        <location filename="../core/db/migrations.py" line="67"/>
        <source>{path} belongs to another program: it holds {things} ({names}) but no custgroups schema, so custgroups left it untouched. Open a custgroups database, or give a new file name to start one.</source>
        <translation>{path} gehört zu einem anderen Programm: Die Datei enthält {things} ({names}), aber kein custgroups-Schema, daher hat custgroups sie nicht verändert. Öffnen Sie eine custgroups-Datenbank oder geben Sie einen neuen Dateinamen an, um eine anzulegen.</translation>
    </message>
    <message>
        <location filename="../core/db/migrations.py" line="74"/>
        <source>tables</source>
        <extracomment>What SQLite&apos;s kinds of objects are called in a sentence that names some of them.</extracomment>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location filename="../core/db/migrations.py" line="74"/>
        <source>indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <location filename="../core/db/migrations.py" line="74"/>
        <source>views</source>
        <translation>Sichten</translation>
    </message>
    <message>
        <location filename="../core/db/migrations.py" line="75"/>
        <source>triggers</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../core/db/migrations.py" line="116"/>
        <source>The database server needs an upgrade by your administrator: it has schema {version}, and this copy of custgroups needs schema {latest}. Ask them to run custgroups migrate.</source>
        <extracomment>How many of another program&apos;s tables a refusal names.</extracomment>
        <translation>Die Datenbank auf dem Server muss von Ihrem Administrator aktualisiert werden: Sie hat Schema {version}, und diese custgroups-Version benötigt Schema {latest}. Bitten Sie Ihren Administrator, custgroups migrate auszuführen.</translation>
    </message>
    <message>
        <location filename="../core/db/migrations.py" line="151"/>
        <source>This database records its schema version as &apos;{version}&apos;, which custgroups never writes: the record was changed by hand or by another program, so custgroups left the database untouched. Open a backup made before that change.</source>
        <translation>Diese Datenbank gibt als Schemaversion „{version}“ an, einen Wert, den custgroups nie schreibt: Der Eintrag wurde von Hand oder von einem anderen Programm geändert, daher hat custgroups die Datenbank nicht verändert. Öffnen Sie eine Sicherung, die vor dieser Änderung erstellt wurde.</translation>
    </message>
    <message>
        <location filename="../core/db/migrations.py" line="158"/>
        <source>This database was made by a newer version of custgroups (schema {version}; this copy knows up to {latest}). Update custgroups to open it.</source>
        <translation>Diese Datenbank wurde von einer neueren custgroups-Version angelegt (Schema {version}; diese Version kennt Schemas bis {latest}). Aktualisieren Sie custgroups, um sie zu öffnen.</translation>
    </message>
    <message>
        <location filename="../core/db/server.py" line="111"/>
        <source>PostgreSQL support is not installed: run  pip install &apos;custgroups[postgres]&apos;.</source>
        <extracomment>Set on every connection, so nothing waits forever: a lock another session holds (given up after as long as SQLite waits) and a statement (generous, for exports). The connection pool of one running copy, each settable in the address&apos;s query (``?max_connections=4``): the most connections it holds open at once, the seconds an idle one is kept, and the seconds an operation waits for a free one before it gives up. A window uses one connection per background lane at work, and one more for live updates (README). How long a write transaction may sit idle (a client that froze or slept mid-save) before the server ends it and frees its locks. Reads hold no lock a writer waits for, and an export may spend minutes between two statements writing rows, so it is set for writes only. Seconds a pooled connection may rest before it is checked with a round trip when handed out again (see :class:`ServerDatabase`).</extracomment>
        <translation>Die PostgreSQL-Unterstützung ist nicht installiert: Führen Sie  pip install &apos;custgroups[postgres]&apos;  aus.</translation>
    </message>
    <message>
        <location filename="../core/db/server.py" line="115"/>
        <source>&apos;{address}&apos; names no database: add /name at the end.</source>
        <translation>„{address}“ nennt keine Datenbank: Fügen Sie am Ende /name hinzu.</translation>
    </message>
    <message>
        <location filename="../core/db/server.py" line="156"/>
        <source>The database server has no schema named &apos;{schema}&apos; ({address}). Correct the address, or ask the administrator to create it.</source>
        <translation>Der Datenbankserver hat kein Schema namens „{schema}“ ({address}). Korrigieren Sie die Adresse oder bitten Sie den Administrator, es anzulegen.</translation>
    </message>
    <message>
        <location filename="../core/db/team.py" line="215"/>
        <source>The database server has no role named {owner}: run custgroups server-setup first, or name the owner it was set up with.</source>
        <extracomment>The schema facts key that names the owner of a server set up for a team. Fast customer search on a server; a superuser, or since PostgreSQL 13 a login that may create in the database, may install it.</extracomment>
        <translation>Der Datenbankserver hat keine Rolle namens {owner}: Führen Sie zuerst custgroups server-setup aus oder geben Sie den Eigentümer an, mit dem der Server eingerichtet wurde.</translation>
    </message>
    <message>
        <location filename="../core/db/team.py" line="219"/>
        <source>Only {owner}, or a login that is a member of it, may upgrade this database; you are logged in as {login}. Ask your administrator to run custgroups migrate.</source>
        <translation>Nur {owner} oder eine Anmeldung, die Mitglied dieser Rolle ist, darf diese Datenbank aktualisieren; Sie sind als {login} angemeldet. Bitten Sie Ihren Administrator, custgroups migrate auszuführen.</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="83"/>
        <source>A group named &apos;{name}&apos; already exists ({code}).</source>
        <translation>Eine Gruppe namens „{name}“ existiert bereits ({code}).</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="92"/>
        <source>Group {code} is inactive: activate it before adding customers.</source>
        <translation>Die Gruppe {code} ist inaktiv: Aktivieren Sie sie, bevor Sie Kunden hinzufügen.</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="94"/>
        <source>This group is inactive: activate it before adding customers.</source>
        <translation>Diese Gruppe ist inaktiv: Aktivieren Sie sie, bevor Sie Kunden hinzufügen.</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="105"/>
        <source>Inactive customers cannot be added to a group ({count} in all): {codes}. Remove them, then save again.</source>
        <extracomment>How many codes a sentence lists before it only counts the rest.</extracomment>
        <translation>Inaktive Kunden können keiner Gruppe hinzugefügt werden (insgesamt {count}): {codes}. Entfernen Sie sie und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="115"/>
        <source>The list would remove every member of {code} ({count} in all) and add nobody, so nothing was changed. If that is what you want, confirm it explicitly.</source>
        <translation>Die Liste würde alle Mitglieder von {code} entfernen (insgesamt {count}) und niemanden hinzufügen, daher wurde nichts geändert. Wenn Sie das wirklich möchten, bestätigen Sie es ausdrücklich.</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="132"/>
        <source>Group {code} was changed by {user} at {time} after you started editing it. Reload it to see their changes; nothing of theirs was overwritten.</source>
        <translation>Die Gruppe {code} wurde am {time} von {user} geändert, nachdem Sie mit der Bearbeitung begonnen hatten. Laden Sie sie neu, um die Änderungen zu sehen; von diesen Änderungen wurde nichts überschrieben.</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="153"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="158"/>
        <source>Something unexpected went wrong; nothing was half-saved. The details are in the log.</source>
        <extracomment>What a clerk is told about a failure nobody foresaw, in English (the windows translate it; ``tr`` marks it for the translators); the details go to the log.</extracomment>
        <translation>Ein unerwarteter Fehler ist aufgetreten; es wurde nichts nur halb gespeichert. Details finden Sie im Protokoll.</translation>
    </message>
    <message>
        <location filename="../core/compare.py" line="68"/>
        <source>Choose two or more different groups to compare.</source>
        <translation>Wählen Sie zwei oder mehr verschiedene Gruppen zum Vergleichen aus.</translation>
    </message>
    <message>
        <location filename="../core/compare.py" line="105"/>
        <source>That group is not among those compared.</source>
        <translation>Diese Gruppe gehört nicht zu den verglichenen Gruppen.</translation>
    </message>
    <message>
        <location filename="../core/customer_grid.py" line="126"/>
        <source>{code}: {reason}</source>
        <extracomment>Customers whose memberships are read in one statement. Group id: its code and why, in plain words (&quot;CG-000012: … changed by bob …&quot;).</extracomment>
        <translation>{code}: {reason}</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="100"/>
        <source>Name</source>
        <extracomment>Each field&apos;s longest, in the order code, name, email, phone, city, country. The fields whose changes a plan counts, in the order a summary lists equal counts. Every field a customer row can state; ``status`` is the Active/Inactive column. The customer fields as sentences name them.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="100"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="100"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="101"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="101"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="136"/>
        <source>Customer code is missing.</source>
        <translation>Die Kundennummer fehlt.</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="138"/>
        <source>Customer code &apos;{code}&apos; holds spaces or control characters.</source>
        <translation>Die Kundennummer „{code}“ enthält Leerzeichen oder Steuerzeichen.</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="141"/>
        <source>Customer code is longer than {limit} characters.</source>
        <translation>Die Kundennummer ist länger als {limit} Zeichen.</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="145"/>
        <source>Customer name is missing.</source>
        <translation>Der Kundenname fehlt.</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="147"/>
        <source>Customer name is longer than {limit} characters.</source>
        <translation>Der Kundenname ist länger als {limit} Zeichen.</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="152"/>
        <source>{field} is longer than {limit} characters.</source>
        <translation>{field} ist länger als {limit} Zeichen.</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="156"/>
        <source>{field} holds control characters.</source>
        <translation>{field} enthält Steuerzeichen.</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="256"/>
        <source>The same customer code appears twice.</source>
        <extracomment>A stored customer: id, then the :data:`FIELDS` in order, then active (as the driver gives it). A row as the file states it: the :data:`FIELDS` (None where the file has no such column), and the status (None where the file does not say).</extracomment>
        <translation>Dieselbe Kundennummer kommt zweimal vor.</translation>
    </message>
    <message>
        <location filename="../core/customer_import.py" line="269"/>
        <source>Another clerk is importing customers right now, so nothing was changed; try again in a moment.</source>
        <translation>Ein anderer Benutzer importiert gerade Kunden, daher wurde nichts geändert. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../core/demo.py" line="94"/>
        <source>Sizes must be zero or more.</source>
        <translation>Die Größen dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../core/demo.py" line="108"/>
        <source>This database is not empty (customers: {customers}; groups: {groups}); demo data goes only into an empty database (name a new file with --database).</source>
        <translation>Diese Datenbank ist nicht leer (Kunden: {customers}; Gruppen: {groups}); Beispieldaten werden nur in eine leere Datenbank geladen (geben Sie mit --database eine neue Datei an).</translation>
    </message>
    <message>
        <location filename="../core/group_list.py" line="237"/>
        <location filename="../core/groups.py" line="297"/>
        <source>That group no longer exists.</source>
        <extracomment>Only these groups (a selection of the list), still filtered and sorted; () for all.
----------
The first key of the advisory locks that hold group codes (the second is the code&apos;s hash).</extracomment>
        <translation>Diese Gruppe existiert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../core/group_list.py" line="247"/>
        <source>There is no group with the code &apos;{code}&apos;.</source>
        <translation>Es gibt keine Gruppe mit dem Code „{code}“.</translation>
    </message>
    <message>
        <location filename="../core/groups.py" line="114"/>
        <source>Group Name is required.</source>
        <extracomment>The list the member changes came from, if they came from one (kept in the history). Why, in the clerk&apos;s words (kept with the history of this save); may be empty. How each customer came or went where it is known (the picker, a paste…); the rest came about as ``member_source`` says, or by hand in the editor. How the whole change was made, where the caller knows (a command, the Customers window).</extracomment>
        <translation>Der Gruppenname ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../core/groups.py" line="117"/>
        <source>Group Name is {length} characters long; at most {limit} fit.</source>
        <translation>Der Gruppenname ist {length} Zeichen lang; höchstens {limit} sind möglich.</translation>
    </message>
    <message>
        <location filename="../core/groups.py" line="121"/>
        <source>Group Name must be one line of text, without control characters.</source>
        <translation>Der Gruppenname muss aus einer einzigen Textzeile ohne Steuerzeichen bestehen.</translation>
    </message>
    <message>
        <location filename="../core/groups.py" line="125"/>
        <source>Description is {length} characters long; at most {limit} fit.</source>
        <translation>Die Beschreibung ist {length} Zeichen lang; höchstens {limit} sind möglich.</translation>
    </message>
    <message>
        <location filename="../core/groups.py" line="129"/>
        <source>Description holds control characters.</source>
        <translation>Die Beschreibung enthält Steuerzeichen.</translation>
    </message>
    <message>
        <location filename="../core/groups.py" line="134"/>
        <source>Group Code may hold only letters, digits, &apos;-&apos; and &apos;_&apos;, at most {limit} of them (or leave it empty to get the next CG- number).</source>
        <translation>Der Gruppencode darf nur Buchstaben, Ziffern, „-“ und „_“ enthalten, höchstens {limit} Zeichen (oder lassen Sie ihn leer, um die nächste CG-Nummer zu erhalten).</translation>
    </message>
    <message>
        <location filename="../core/groups.py" line="138"/>
        <source>An edit must say which version it started from.</source>
        <translation>Eine Bearbeitung muss angeben, von welcher Version sie ausgeht.</translation>
    </message>
    <message>
        <location filename="../core/groups.py" line="144"/>
        <source>Reason must be one line of at most {limit} characters.</source>
        <translation>Der Grund muss eine einzige Zeile mit höchstens {limit} Zeichen sein.</translation>
    </message>
    <message>
        <location filename="../core/groups.py" line="158"/>
        <source>Say why: this save removes {count} customers (a reason is needed above {limit}).</source>
        <extracomment>The longest reason a clerk may give on Save.</extracomment>
        <translation>Bitte geben Sie einen Grund an: Beim Speichern werden {count} Kunden entfernt (bei mehr als {limit} ist ein Grund nötig).</translation>
    </message>
    <message>
        <location filename="../core/groups.py" line="212"/>
        <source>The code &apos;{code}&apos; is already used by group &apos;{name}&apos;.</source>
        <translation>Der Code „{code}“ wird bereits von der Gruppe „{name}“ verwendet.</translation>
    </message>
    <message>
        <location filename="../core/groups.py" line="345"/>
        <source>The code &apos;{code}&apos; is already used by another group.</source>
        <translation>Der Code „{code}“ wird bereits von einer anderen Gruppe verwendet.</translation>
    </message>
    <message>
        <location filename="../core/moves.py" line="57"/>
        <source>Choose another group: these customers are in this one already.</source>
        <translation>Wählen Sie eine andere Gruppe: Diese Kunden sind bereits in dieser Gruppe.</translation>
    </message>
    <message>
        <location filename="../core/moves.py" line="120"/>
        <source>{code} is inactive, and an inactive group takes no customers: copy it without its members, or activate it first.</source>
        <translation>{code} ist inaktiv, und eine inaktive Gruppe nimmt keine Kunden auf: Kopieren Sie die Gruppe ohne ihre Mitglieder, oder aktivieren Sie sie zuerst.</translation>
    </message>
    <message>
        <location filename="../core/sheets/export.py" line="107"/>
        <source>{file} could not be written: the disk holding {folder} is full. Free some space and export again; nothing was saved there.</source>
        <extracomment>Windows&apos; error for a file another program holds open (Excel holds every file it shows).</extracomment>
        <translation>{file} konnte nicht geschrieben werden: Das Laufwerk mit {folder} ist voll. Geben Sie Speicherplatz frei und exportieren Sie erneut; dort wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../core/sheets/export.py" line="112"/>
        <source>{file} is open in another program (Excel?), so the export could not replace it. Close it there and export again; nothing was changed.</source>
        <translation>{file} ist in einem anderen Programm geöffnet (Excel?), daher konnte der Export die Datei nicht ersetzen. Schließen Sie sie dort und exportieren Sie erneut; es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../core/sheets/export.py" line="116"/>
        <source>{file} could not be written in {folder}: {reason}. Nothing was saved there.</source>
        <translation>{file} konnte nicht in {folder} geschrieben werden: {reason}. Dort wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../core/sheets/imports.py" line="56"/>
        <source>several columns are headed &apos;{heading}&apos; (columns {columns}): rename or remove all but one, so it is clear which to import.</source>
        <extracomment>Tells whether a cell is an existing customer&apos;s code (cells that read like headings).</extracomment>
        <translation>Mehrere Spalten haben die Überschrift „{heading}“ (Spalten {columns}): Benennen Sie alle bis auf eine um oder entfernen Sie sie, damit klar ist, welche importiert werden soll.</translation>
    </message>
    <message>
        <location filename="../core/sheets/imports.py" line="69"/>
        <source>… and {count} more.</source>
        <translation>… und {count} weitere.</translation>
    </message>
    <message>
        <location filename="../core/sheets/imports.py" line="70"/>
        <source>{file} was not imported: problems to fix first: {count}; nothing was changed.
{problems}</source>
        <translation>{file} wurde nicht importiert; zuerst zu behebende Probleme: {count}. Es wurde nichts geändert.
{problems}</translation>
    </message>
    <message>
        <location filename="../core/sheets/imports.py" line="110"/>
        <source>the table has headings but no customer rows.</source>
        <translation>Die Tabelle hat Überschriften, aber keine Kundenzeilen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/imports.py" line="112"/>
        <source>no heading row naming a customer code and a customer name was found in the first {count} rows (for example &apos;Customer Code&apos; and &apos;Name&apos;).</source>
        <translation>In den ersten {count} Zeilen wurde keine Überschriftenzeile mit Kundennummer und Kundenname gefunden (zum Beispiel „Kundennummer“ und „Name“).</translation>
    </message>
    <message>
        <location filename="../core/sheets/customer_rows.py" line="68"/>
        <source>Row {row}: status &apos;{status}&apos; is neither Active nor Inactive.</source>
        <extracomment>Distinct cities and countries kept as one text each (past it, each row keeps its own). What a status cell says, by its text: Active (True), Inactive (False) or nothing (None).</extracomment>
        <translation>Zeile {row}: Der Status „{status}“ ist weder „Aktiv“ noch „Inaktiv“.</translation>
    </message>
    <message>
        <location filename="../core/sheets/customer_rows.py" line="77"/>
        <source>Row {row}: {problem}</source>
        <translation>Zeile {row}: {problem}</translation>
    </message>
    <message>
        <location filename="../core/sheets/customer_rows.py" line="80"/>
        <source>Row {row}: the code cell holds the spreadsheet error {error}; fix the formula in the file.</source>
        <translation>Zeile {row}: Die Zelle mit der Kundennummer enthält den Fehlerwert {error}; korrigieren Sie die Formel in der Datei.</translation>
    </message>
    <message>
        <location filename="../core/sheets/customer_rows.py" line="83"/>
        <source>Row {row}: the name cell holds the spreadsheet error {error}; fix the formula in the file.</source>
        <translation>Zeile {row}: Die Zelle mit dem Namen enthält den Fehlerwert {error}; korrigieren Sie die Formel in der Datei.</translation>
    </message>
    <message>
        <location filename="../core/sheets/customer_rows.py" line="102"/>
        <source>Row {row}: Customer code &apos;{code}&apos; already appears on row {first}.</source>
        <translation>Zeile {row}: Die Kundennummer „{code}“ steht bereits in Zeile {first}.</translation>
    </message>
    <message>
        <location filename="../core/sheets/imports.py" line="224"/>
        <source>no column headed &apos;{column}&apos; was found.</source>
        <translation>Es wurde keine Spalte mit der Überschrift „{column}“ gefunden.</translation>
    </message>
    <message>
        <location filename="../core/sheets/imports.py" line="306"/>
        <source>no customer codes were found in it.</source>
        <translation>In der Datei wurden keine Kundennummern gefunden.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="47"/>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="66"/>
        <source>Reading workbooks is switched off: the defusedxml package that guards against malicious XML is missing. Reinstall custgroups.</source>
        <translation>Das Lesen von Arbeitsmappen ist abgeschaltet: Das Paket defusedxml, das vor schädlichem XML schützt, fehlt. Installieren Sie custgroups neu.</translation>
    </message>
    <message>
        <location filename="../core/sheets/files.py" line="38"/>
        <source>the file cannot be read ({reason}).</source>
        <translation>Die Datei kann nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="74"/>
        <source>the file does not exist.</source>
        <translation>Die Datei existiert nicht.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="76"/>
        <source>this is a folder, not a file.</source>
        <translation>Dies ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="79"/>
        <source>the file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="81"/>
        <location filename="../core/sheets/scans.py" line="131"/>
        <source>the file is {size} MB; files over {limit} MB are not read.</source>
        <translation>Die Datei ist {size} MB groß; Dateien über {limit} MB werden nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="36"/>
        <source>the workbook is protected by a password. Open it in Excel, remove the password, save, and try again.</source>
        <extracomment>Cells kept per row; a row longer than MAX_ROW_CELLS is refused (parsing it costs time). Why a workbook is refused, alike whichever reader meets it.</extracomment>
        <translation>Die Arbeitsmappe ist durch ein Passwort geschützt. Öffnen Sie sie in Excel, entfernen Sie das Passwort, speichern Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="94"/>
        <source>the file is not an Excel workbook, although its name ends in {suffix}. It may be damaged, or another kind of file renamed.</source>
        <translation>Die Datei ist keine Excel-Arbeitsmappe, obwohl ihr Name auf {suffix} endet. Sie ist möglicherweise beschädigt oder eine umbenannte Datei anderen Typs.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="98"/>
        <source>text files over {limit} MB are not read.</source>
        <translation>Textdateien über {limit} MB werden nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/workbooks.py" line="50"/>
        <source>the workbook is damaged and cannot be opened.</source>
        <extracomment>Shared strings calamine keeps in memory: far more than any customer list&apos;s names. The parts read whole into a tree (the workbook&apos;s list of sheets, its links, its styles): a few kilobytes in a real workbook, a few megabytes in the most styled. A tree takes ten times its text.</extracomment>
        <translation>Die Arbeitsmappe ist beschädigt und kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../core/sheets/workbooks.py" line="52"/>
        <source>the workbook holds far more parts than any real one; it was not read.</source>
        <translation>Die Arbeitsmappe enthält weit mehr Bestandteile als jede echte; sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/workbooks.py" line="61"/>
        <source>this is a zip archive, not an Excel workbook.</source>
        <translation>Dies ist ein ZIP-Archiv, keine Excel-Arbeitsmappe.</translation>
    </message>
    <message>
        <location filename="../core/sheets/workbooks.py" line="62"/>
        <source>the workbook would unpack to an absurd size (a &apos;zip bomb&apos;); it was not read.</source>
        <translation>Die Arbeitsmappe würde beim Entpacken eine absurde Größe erreichen (eine „ZIP-Bombe“); sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/workbooks.py" line="73"/>
        <source>the workbook&apos;s part {part} holds {size} MB, far more than any workbook&apos;s; it was not read.</source>
        <translation>Der Teil {part} der Arbeitsmappe umfasst {size} MB, weit mehr als in jeder Arbeitsmappe; sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/workbooks.py" line="78"/>
        <source>the workbook holds {size} MB of text, far more than a customer list; it was not read.</source>
        <translation>Die Arbeitsmappe enthält {size} MB Text, weit mehr als eine Kundenliste; sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/scans.py" line="121"/>
        <source>the sheet &apos;{sheet}&apos; repeats its texts into more than {limit} MB, far more than a customer list; it was not read.</source>
        <extracomment>Cells of one sheet&apos;s table (its rows times its columns): a customer list of 200,000 rows of 12 columns fits; the reader then stays under ~300 MB. The text one sheet&apos;s cells may spell out in all, each cell naming a shared text getting a copy of it: 2,500,000 cells of 60 characters. A cell that does not name its place first (or at all). The longest text&apos;s size in the file (never less than its characters).</extracomment>
        <translation>Das Tabellenblatt „{sheet}“ wiederholt seine Texte zu mehr als {limit} MB, weit mehr als eine Kundenliste; es wurde nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/scans.py" line="349"/>
        <source>the sheet &apos;{sheet}&apos; has {count} columns; sheets of over {limit} are not read.</source>
        <translation>Das Tabellenblatt „{sheet}“ hat {count} Spalten; Tabellenblätter mit mehr als {limit} Spalten werden nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/scans.py" line="339"/>
        <source>the sheet &apos;{sheet}&apos; spans more than {limit} cells, far more than a customer list; it was not read.</source>
        <translation>Das Tabellenblatt „{sheet}“ umfasst mehr als {limit} Zellen, weit mehr als eine Kundenliste; es wurde nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="38"/>
        <source>the workbook holds XML built to attack the program reading it; it was not read.</source>
        <translation>Die Arbeitsmappe enthält XML, das das lesende Programm angreifen soll; sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="40"/>
        <source>the workbook is damaged and cannot be read.</source>
        <translation>Die Arbeitsmappe ist beschädigt und kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="146"/>
        <location filename="../core/sheets/scans.py" line="346"/>
        <source>the sheet &apos;{sheet}&apos; has more than {limit} rows.</source>
        <translation>Das Tabellenblatt „{sheet}“ hat mehr als {limit} Zeilen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="149"/>
        <source>row {row} of the sheet &apos;{sheet}&apos; has {count} cells; rows of over {limit} are not read.</source>
        <translation>Zeile {row} des Tabellenblatts „{sheet}“ hat {count} Zellen; Zeilen mit mehr als {limit} Zellen werden nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="277"/>
        <location filename="../core/sheets/reading.py" line="284"/>
        <source>the file holds binary data, not a table of text.</source>
        <extracomment>The errors a cell can show, as an error cell&apos;s code in a row&apos;s pattern (200 and up).</extracomment>
        <translation>Die Datei enthält Binärdaten, keine Tabelle aus Text.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="281"/>
        <source>the file is neither a spreadsheet nor readable text.</source>
        <translation>Die Datei ist weder eine Tabellendatei noch lesbarer Text.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="318"/>
        <source>the file has more than {limit} rows.</source>
        <translation>Die Datei hat mehr als {limit} Zeilen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="323"/>
        <source>line {line} holds a cell longer than {limit} characters; no code, name or address is that long, so the file is not read.</source>
        <translation>Zeile {line} enthält eine Zelle mit mehr als {limit} Zeichen; so lang ist keine Nummer, kein Name und keine Adresse, daher wird die Datei nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../core/sheets/reading.py" line="327"/>
        <source>line {line} is not well-formed ({reason}); a quote may be missing its partner.</source>
        <translation>Zeile {line} ist fehlerhaft aufgebaut ({reason}); möglicherweise fehlt zu einem Anführungszeichen das Gegenstück.</translation>
    </message>
    <message>
        <location filename="../core/sheets/writing.py" line="44"/>
        <source>Export to a file ending in .xlsx or .csv, not &apos;{ending}&apos;.</source>
        <extracomment>Rows of a csv file checked as one string and written by one call. Rows in one Excel sheet, header included.</extracomment>
        <translation>Exportieren Sie in eine Datei mit der Endung .xlsx oder .csv, nicht „{ending}“.</translation>
    </message>
    <message>
        <location filename="../core/sheets/writing.py" line="47"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <location filename="../core/sheets/writing.py" line="50"/>
        <source>{path} is a folder.</source>
        <translation>{path} ist ein Ordner.</translation>
    </message>
    <message>
        <location filename="../core/apart.py" line="78"/>
        <source>The export stopped unexpectedly (its process ended with code {code}). Nothing was saved; try again.</source>
        <translation>Der Export wurde unerwartet beendet (sein Prozess endete mit Code {code}). Es wurde nichts gespeichert; bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../ui/about_dialog.py" line="36"/>
        <source>About custgroups</source>
        <translation>Über custgroups</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.py" line="37"/>
        <source>custgroups organises existing customers into groups for pricing, reporting and reservations.</source>
        <translation>custgroups ordnet bestehende Kunden in Gruppen ein – für Preise, Auswertungen und Reservierungen.</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.py" line="41"/>
        <source>Details for support</source>
        <translation>Angaben für den Support</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.py" line="45"/>
        <source>Copy Details</source>
        <translation>Angaben kopieren</translation>
    </message>
</context>
<context>
    <name>BelongingModel</name>
    <message>
        <location filename="../ui/models/customer_models.py" line="41"/>
        <source>Group code</source>
        <translation>Gruppencode</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="41"/>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="41"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="42"/>
        <source>Member since</source>
        <translation>Mitglied seit</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="42"/>
        <source>Added by</source>
        <translation>Hinzugefügt von</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="49"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="49"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../ui/compare_dialog.py" line="96"/>
        <source>Compare Groups</source>
        <translation>Gruppen vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="111"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="121"/>
        <source>Click a count to list its customers.</source>
        <translation>Klicken Sie auf eine Anzahl, um die Kunden dazu aufzulisten.</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="125"/>
        <source>Customers of the chosen count</source>
        <translation>Kunden der gewählten Anzahl</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="128"/>
        <source>Export These…</source>
        <translation>Diese exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="133"/>
        <source>Union: in any of them</source>
        <translation>Vereinigung: in mindestens einer</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="134"/>
        <source>Intersection: in all of them</source>
        <translation>Schnittmenge: in allen</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="135"/>
        <source>Difference: in the first, in none of the others</source>
        <translation>Differenz: in der ersten, in keiner anderen</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="138"/>
        <source>How to combine the groups</source>
        <translation>Art der Kombination</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="139"/>
        <source>Create Group from…</source>
        <translation>Gruppe anlegen…</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="149"/>
        <source>New group from the</source>
        <translation>Neue Gruppe aus der</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="170"/>
        <location filename="../ui/compare_dialog.py" line="219"/>
        <source>Only in {code}</source>
        <translation>Nur in {code}</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="173"/>
        <location filename="../ui/compare_dialog.py" line="221"/>
        <source>In both</source>
        <translation>In beiden</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="173"/>
        <location filename="../ui/compare_dialog.py" line="221"/>
        <source>In all</source>
        <translation>In allen</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="177"/>
        <location filename="../ui/compare_dialog.py" line="223"/>
        <source>In exactly one</source>
        <translation>In genau einer</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="179"/>
        <location filename="../ui/compare_dialog.py" line="222"/>
        <source>In any</source>
        <translation>In mindestens einer</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="202"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compare_dialog.py" line="211"/>
        <source>: %Ln customer(s)</source>
        <translation>
            <numerusform>: %Ln Kunde</numerusform>
            <numerusform>: %Ln Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compare_dialog.py" line="253"/>
        <source> (%Ln inactive customer(s) left out)</source>
        <translation>
            <numerusform> (%Ln inaktiver Kunde nicht übernommen)</numerusform>
            <numerusform> (%Ln inaktive Kunden nicht übernommen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../ui/conflict_dialog.py" line="46"/>
        <source>Changed by someone else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="53"/>
        <source>{who} saved {code} at {when} after you opened it. Nothing of theirs or yours has been overwritten.</source>
        <translation>{who} hat {code} am {when} gespeichert, nachdem Sie die Gruppe geöffnet haben. Weder die Änderungen der anderen noch Ihre wurden überschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="59"/>
        <source>They changed</source>
        <translation>Änderungen der anderen</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="64"/>
        <source>You changed</source>
        <translation>Ihre Änderungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/conflict_dialog.py" line="60"/>
        <source>%Ln customer(s) added</source>
        <translation>
            <numerusform>%Ln Kunde hinzugefügt</numerusform>
            <numerusform>%Ln Kunden hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/conflict_dialog.py" line="62"/>
        <source>%Ln customer(s) removed</source>
        <translation>
            <numerusform>%Ln Kunde entfernt</numerusform>
            <numerusform>%Ln Kunden entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/conflict_dialog.py" line="65"/>
        <source>%Ln customer(s) to add</source>
        <translation>
            <numerusform>Hinzuzufügen: %Ln Kunde</numerusform>
            <numerusform>Hinzuzufügen: %Ln Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/conflict_dialog.py" line="67"/>
        <source>%Ln customer(s) to remove</source>
        <translation>
            <numerusform>Zu entfernen: %Ln Kunde</numerusform>
            <numerusform>Zu entfernen: %Ln Kunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="72"/>
        <source>Apply Mine on Top of Theirs</source>
        <translation>Meine Änderungen zusätzlich übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="75"/>
        <source>Reload Theirs (Discard Mine)</source>
        <translation>Neu laden (meine Änderungen verwerfen)</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="78"/>
        <source>Keep Editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="109"/>
        <source>Group Name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="109"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="110"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="114"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="114"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="115"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="125"/>
        <source>{field}: {before} → {after}</source>
        <translation>{field}: {before} → {after}</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="129"/>
        <source>Nothing that still makes a difference.</source>
        <translation>Nichts, was noch einen Unterschied macht.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="136"/>
        <source>{field}: you both changed it — pick one</source>
        <translation>{field}: von beiden Seiten geändert — bitte einen Wert wählen</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="141"/>
        <source>Theirs: {value}</source>
        <translation>Wert der anderen: {value}</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="142"/>
        <source>Mine: {value}</source>
        <translation>Mein Wert: {value}</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../ui/database_dialogs.py" line="61"/>
        <source>Connect to Server</source>
        <extracomment>A connection test ended and its sentence is shown: True when the server can be used.</extracomment>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="89"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="90"/>
        <source>Name or address, such as db.example.com</source>
        <translation>Name oder Adresse, z. B. db.example.com</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="91"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="94"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="95"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="96"/>
        <source>Empty: your login name on this computer</source>
        <translation>Leer: Ihr Anmeldename auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="98"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="100"/>
        <source>Empty if the server asks for none</source>
        <translation>Leer, wenn der Server keines verlangt</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="101"/>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="102"/>
        <source>Prefer encryption</source>
        <translation>Verschlüsselung bevorzugen</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="103"/>
        <source>Require encryption</source>
        <translation>Verschlüsselung verlangen</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="104"/>
        <source>Require and verify the certificate</source>
        <translation>Verschlüsselung verlangen und Zertifikat prüfen</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="105"/>
        <source>No encryption</source>
        <translation>Keine Verschlüsselung</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="108"/>
        <source>&amp;Remember the password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="109"/>
        <source>Remember the password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems merken</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="117"/>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="118"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="122"/>
        <source>Testing the connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="127"/>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="135"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="136"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="138"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="150"/>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="151"/>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="152"/>
        <source>&amp;Database</source>
        <translation>&amp;Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="153"/>
        <source>&amp;User</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="154"/>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="155"/>
        <source>&amp;Encryption</source>
        <translation>V&amp;erschlüsselung</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="261"/>
        <source>Testing the connection to {server}…</source>
        <translation>Verbindung zu {server} wird getestet…</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="274"/>
        <source>This server needs a password: type it in Password.</source>
        <translation>Dieser Server verlangt ein Passwort: Geben Sie es im Feld „Passwort“ ein.</translation>
    </message>
    <message>
        <location filename="../ui/database_dialogs.py" line="286"/>
        <source>The address was changed during the test: test it again.</source>
        <translation>Die Adresse wurde während des Tests geändert: Bitte testen Sie erneut.</translation>
    </message>
</context>
<context>
    <name>CustomerGridPanel</name>
    <message>
        <location filename="../ui/customer_grid.py" line="68"/>
        <source>Paste customer codes: one per line, or a column copied from a spreadsheet.</source>
        <extracomment>How long typing or pasting may pause before the grid follows the box.</extracomment>
        <translation>Kundennummern einfügen: eine pro Zeile oder eine aus einer Tabelle kopierte Spalte.</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="70"/>
        <source>Customer codes</source>
        <translation>Kundennummern</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="72"/>
        <location filename="../ui/customer_grid.py" line="158"/>
        <source>Paste codes to see their groups.</source>
        <translation>Fügen Sie Kundennummern ein, um deren Gruppen zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="76"/>
        <source>Every group any of them is in</source>
        <translation>Alle Gruppen dieser Kunden</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="77"/>
        <source>Groups I choose…</source>
        <translation>Gruppen selbst auswählen…</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="80"/>
        <source>Every listed customer</source>
        <translation>Alle aufgeführten Kunden</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="81"/>
        <source>In none of these groups</source>
        <translation>In keiner dieser Gruppen</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="82"/>
        <source>In some of these groups</source>
        <translation>In mindestens einer dieser Gruppen</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="83"/>
        <source>With unsaved changes</source>
        <translation>Mit ungespeicherten Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="88"/>
        <source>Listed customers and their groups</source>
        <translation>Aufgeführte Kunden und ihre Gruppen</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="90"/>
        <source>Sa&amp;ve Changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="91"/>
        <source>Save the changed ticks, group by group (Ctrl+S)</source>
        <translation>Geänderte Häkchen speichern, Gruppe für Gruppe (Strg+S)</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="95"/>
        <source>&amp;Undo Changes</source>
        <translation>&amp;Rückgängig machen</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="97"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="113"/>
        <source>Customer &amp;codes</source>
        <translation>&amp;Kundennummern</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="122"/>
        <source>&amp;Groups</source>
        <translation>&amp;Gruppen</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="123"/>
        <source>Sho&amp;w</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="162"/>
        <source>Reading the groups of the codes…</source>
        <translation>Gruppen der Kundennummern werden gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="176"/>
        <source>Dropped {ticks}: their customers are no longer listed, or their groups no longer shown.</source>
        <translation>{ticks} verworfen: Deren Kunden werden nicht mehr aufgeführt oder deren Gruppen nicht mehr angezeigt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/customer_grid.py" line="212"/>
        <source>%Ln group(s) I chose…</source>
        <translation>
            <numerusform>%Ln selbst ausgewählte Gruppe…</numerusform>
            <numerusform>%Ln selbst ausgewählte Gruppen…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="249"/>
        <source>Nothing more was saved: {reason}</source>
        <translation>Weiteres wurde nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="260"/>
        <source>Saved {saved}; {failed} left as they were, their changed ticks kept (the grid now shows the groups as they are): {why}</source>
        <translation>{saved} gespeichert; {failed} unverändert gelassen, die geänderten Häkchen bleiben erhalten (die Ansicht zeigt die Gruppen jetzt im aktuellen Stand): {why}</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="267"/>
        <source>Saved {groups}: {codes}</source>
        <translation>{groups} gespeichert: {codes}</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="286"/>
        <source>Save or undo the changed ticks first: the export shows the groups as saved.</source>
        <translation>Speichern Sie die geänderten Häkchen zuerst oder machen Sie sie rückgängig: Der Export zeigt die Gruppen wie gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="287"/>
        <source>Write the customers shown and their groups to a spreadsheet</source>
        <translation>Die angezeigten Kunden und ihre Gruppen in eine Tabelle exportieren</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="290"/>
        <source>Showing {shown} of {listed} customers</source>
        <translation>{shown} von {listed} Kunden angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="293"/>
        <source>Every listed customer is in at least one of these groups.</source>
        <translation>Jeder aufgeführte Kunde ist in mindestens einer dieser Gruppen.</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="295"/>
        <source>None of the listed customers is in any of these groups.</source>
        <translation>Keiner der aufgeführten Kunden ist in einer dieser Gruppen.</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="297"/>
        <source>No tick is changed.</source>
        <translation>Kein Häkchen geändert.</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="300"/>
        <source> · saving…</source>
        <translation> · wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/customer_grid.py" line="302"/>
        <source> · {ticks} not saved</source>
        <translation> · {ticks} nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../ui/models/customer_models.py" line="19"/>
        <source>Code</source>
        <translation>Kundennr.</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="19"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="19"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="19"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="20"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="20"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="28"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/models/customer_models.py" line="28"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../ui/customer_picker.py" line="196"/>
        <source>Add Customers</source>
        <translation>Kunden hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="217"/>
        <source>Search customers by code or name</source>
        <translation>Kunden nach Kundennummer oder Name suchen</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="218"/>
        <source>Search by code or name…</source>
        <translation>Nach Kundennr. oder Name suchen…</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="226"/>
        <source>Customers found</source>
        <translation>Gefundene Kunden</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="235"/>
        <source>Clear Ticks</source>
        <translation>Häkchen entfernen</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="243"/>
        <source>Customers already in the group are ticked and greyed; inactive customers are in italics and cannot be added. Tick with a click or Space; Shift and Ctrl select several rows.</source>
        <translation>Kunden, die schon in der Gruppe sind, haben ein graues Häkchen; inaktive Kunden sind kursiv und können nicht hinzugefügt werden. Häkchen setzen Sie per Klick oder mit der Leertaste; mit Umschalt und Strg wählen Sie mehrere Zeilen aus.</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="251"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="291"/>
        <source>The search could not be run: {reason}</source>
        <translation>Die Suche konnte nicht ausgeführt werden: {reason}</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="347"/>
        <source>Could not select every match: {reason}</source>
        <translation>Nicht alle Treffer konnten ausgewählt werden: {reason}</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="361"/>
        <source>{n} matching</source>
        <translation>{n} Treffer</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="362"/>
        <source>Select All {n} Matching</source>
        <translation>Alle {n} Treffer auswählen</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="364"/>
        <source>Selected: {n}</source>
        <translation>Ausgewählt: {n}</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="366"/>
        <source> · {n} inactive not selected</source>
        <translation> · {n} inaktive nicht ausgewählt</translation>
    </message>
</context>
<context>
    <name>CustomersWindow</name>
    <message>
        <location filename="../ui/customers_window.py" line="73"/>
        <location filename="../ui/customers_window.py" line="116"/>
        <source>Customers</source>
        <extracomment>How long typing may pause before the list follows it.</extracomment>
        <translation>Kunden</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="87"/>
        <source>Code or name contains…</source>
        <translation>Kundennr. oder Name enthält…</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="89"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="91"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="93"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="94"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="95"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="98"/>
        <source>Any customer</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="99"/>
        <source>In no group</source>
        <translation>In keiner Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="100"/>
        <source>Inactive but still in groups</source>
        <translation>Inaktiv, aber noch in Gruppen</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="120"/>
        <source>Groups of the selected customer</source>
        <translation>Gruppen des ausgewählten Kunden</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="123"/>
        <source>‹ &amp;Previous</source>
        <translation>‹ &amp;Zurück</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="124"/>
        <source>&amp;Next ›</source>
        <translation>&amp;Weiter ›</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="127"/>
        <location filename="../ui/customers_window.py" line="252"/>
        <source>Select a customer to see their groups.</source>
        <translation>Wählen Sie einen Kunden aus, um seine Gruppen zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="131"/>
        <source>Membership timeline</source>
        <translation>Verlauf der Mitgliedschaften</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="132"/>
        <source>&amp;Add to Group…</source>
        <translation>Zu Gruppe &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="133"/>
        <source>&amp;Remove from Group</source>
        <translation>Aus Gruppe ent&amp;fernen</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="145"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="146"/>
        <source>&amp;Status</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="147"/>
        <source>Ci&amp;ty</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="148"/>
        <source>C&amp;ountry</source>
        <translation>&amp;Land</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="149"/>
        <source>S&amp;how</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="168"/>
        <source>Timeline, newest first</source>
        <translation>Verlauf, neueste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="185"/>
        <source>&amp;Browse</source>
        <translation>&amp;Durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="186"/>
        <source>Pasted &amp;List</source>
        <translation>&amp;Eingefügte Liste</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/customers_window.py" line="217"/>
        <source>Showing {first}–{last} of %Ln customer(s)</source>
        <translation>
            <numerusform>{first}–{last} von %Ln Kunden</numerusform>
            <numerusform>{first}–{last} von %Ln Kunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="219"/>
        <source>No customers match</source>
        <translation>Keine passenden Kunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/customers_window.py" line="254"/>
        <source>{code} {name} is in %Ln group(s).</source>
        <translation>
            <numerusform>{code} {name} ist in %Ln Gruppe.</numerusform>
            <numerusform>{code} {name} ist in %Ln Gruppen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="262"/>
        <source>{when}  added to {group} by {who}</source>
        <translation>{when}  von {who} zu {group} hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="263"/>
        <source>{when}  removed from {group} by {who}</source>
        <translation>{when}  von {who} aus {group} entfernt</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="267"/>
        <source> ({how})</source>
        <translation> ({how})</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="269"/>
        <source> — reason: {reason}</source>
        <translation> — Grund: {reason}</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="290"/>
        <source>There is no other active group to add them to.</source>
        <translation>Es gibt keine weitere aktive Gruppe, zu der der Kunde hinzugefügt werden kann.</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="292"/>
        <source>Add to Group</source>
        <translation>Zu Gruppe hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="293"/>
        <source>Add {code} to which group?</source>
        <translation>Zu welcher Gruppe soll {code} hinzugefügt werden?</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="319"/>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="320"/>
        <source>The pasted list has {ticks} not saved. Close and discard them?</source>
        <translation>Nicht gespeichert in der eingefügten Liste: {ticks}. Schließen und verwerfen?</translation>
    </message>
    <message>
        <location filename="../ui/customers_window.py" line="322"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>DatabaseMenu</name>
    <message>
        <location filename="../ui/database_menu.py" line="63"/>
        <source>&amp;Open Database…</source>
        <extracomment>The port a server address has when it names none. The widest a recent database&apos;s line in the menu gets, in average characters.</extracomment>
        <translation>Datenbank &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/database_menu.py" line="66"/>
        <source>&amp;Connect to Server…</source>
        <translation>Mit Server &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../ui/database_menu.py" line="68"/>
        <source>&amp;Recent Databases</source>
        <translation>&amp;Zuletzt verwendete Datenbanken</translation>
    </message>
    <message>
        <location filename="../ui/database_menu.py" line="70"/>
        <source>Recent databases</source>
        <translation>Zuletzt verwendete Datenbanken</translation>
    </message>
    <message>
        <location filename="../ui/database_menu.py" line="73"/>
        <source>&amp;Clear Recent</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location filename="../ui/database_menu.py" line="101"/>
        <source>No recent databases</source>
        <translation>Keine zuletzt verwendeten Datenbanken</translation>
    </message>
    <message>
        <location filename="../ui/database_menu.py" line="130"/>
        <source>The system keychain did not keep the password, so it will be asked at the next start.</source>
        <translation>Der Schlüsselbund des Systems hat das Passwort nicht gespeichert; es wird beim nächsten Start erneut abgefragt.</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../ui/duplicate_dialog.py" line="34"/>
        <source>Duplicate {code}</source>
        <translation>{code} duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/duplicate_dialog.py" line="35"/>
        <source>{name} (copy)</source>
        <translation>{name} (Kopie)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/duplicate_dialog.py" line="38"/>
        <source>Copy its %Ln member(s)</source>
        <translation>
            <numerusform>%Ln Mitglied mitkopieren</numerusform>
            <numerusform>%Ln Mitglieder mitkopieren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/duplicate_dialog.py" line="47"/>
        <source>The group is inactive, and an inactive group takes no customers: the copy starts without members.</source>
        <translation>Die Gruppe ist inaktiv, und eine inaktive Gruppe nimmt keine Kunden auf: Die Kopie beginnt ohne Mitglieder.</translation>
    </message>
    <message>
        <location filename="../ui/duplicate_dialog.py" line="52"/>
        <source>Open the Copy</source>
        <translation>Kopie öffnen</translation>
    </message>
    <message>
        <location filename="../ui/duplicate_dialog.py" line="56"/>
        <source>New &amp;name</source>
        <translation>Neuer &amp;Name</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../ui/empty_state.py" line="32"/>
        <source>Add New Group</source>
        <translation>Neue Gruppe anlegen</translation>
    </message>
    <message>
        <location filename="../ui/empty_state.py" line="34"/>
        <source>Import Customers…</source>
        <translation>Kunden importieren…</translation>
    </message>
    <message>
        <location filename="../ui/empty_state.py" line="36"/>
        <source>Load Sample Data</source>
        <translation>Beispieldaten laden</translation>
    </message>
    <message>
        <location filename="../ui/empty_state.py" line="39"/>
        <source>Reset Filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/empty_state.py" line="62"/>
        <source>No groups match these filters</source>
        <translation>Keine Gruppe passt zu diesen Filtern</translation>
    </message>
    <message>
        <location filename="../ui/empty_state.py" line="63"/>
        <source>Change the filters above, or press Reset to see every group.</source>
        <translation>Ändern Sie die Filter oben, oder klicken Sie auf „Zurücksetzen“, um alle Gruppen zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/empty_state.py" line="66"/>
        <source>No customer groups yet</source>
        <translation>Noch keine Kundengruppen</translation>
    </message>
    <message>
        <location filename="../ui/empty_state.py" line="68"/>
        <source>Groups gather customers for pricing, reporting and inventory reservation. Start with Add New. If the customer list is still empty, import it from your ERP&apos;s spreadsheet first — or, to try the app out, load sample customers and groups into this empty database.</source>
        <translation>Gruppen fassen Kunden für Preise, Auswertungen und Lagerreservierungen zusammen. Beginnen Sie mit „Neue Gruppe anlegen“. Ist die Kundenliste noch leer, importieren Sie sie zuerst aus der Tabelle Ihres ERP-Systems — oder laden Sie zum Ausprobieren Beispielkunden und -gruppen in diese leere Datenbank.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../ui/export_dialog.py" line="34"/>
        <location filename="../ui/export_dialog.py" line="115"/>
        <source>Export Groups</source>
        <translation>Gruppen exportieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/export_dialog.py" line="36"/>
        <source>Export the %Ln selected group(s), in the current order.</source>
        <translation>
            <numerusform>%Ln ausgewählte Gruppe in der aktuellen Reihenfolge exportieren.</numerusform>
            <numerusform>%Ln ausgewählte Gruppen in der aktuellen Reihenfolge exportieren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/export_dialog.py" line="39"/>
        <source>Export the %Ln group(s) that the current filters match, in the current order — every page, not just this one.</source>
        <translation>
            <numerusform>Die %Ln Gruppe, die zu den aktuellen Filtern passt, in der aktuellen Reihenfolge exportieren — alle Seiten, nicht nur diese.</numerusform>
            <numerusform>Die %Ln Gruppen, die zu den aktuellen Filtern passen, in der aktuellen Reihenfolge exportieren — alle Seiten, nicht nur diese.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="44"/>
        <source>File to write</source>
        <translation>Zieldatei</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="45"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="48"/>
        <source>Include a Members sheet (each group&apos;s customers)</source>
        <translation>Mitglieder auf eigenem Tabellenblatt (die Kunden jeder Gruppe)</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="51"/>
        <source>Semicolon (;)</source>
        <translation>Semikolon (;)</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="51"/>
        <source>Comma (,)</source>
        <translation>Komma (,)</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="54"/>
        <source>csv &amp;separator</source>
        <translation>CSV-&amp;Trennzeichen</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="57"/>
        <source>Ends in .xlsx for an Excel workbook or .csv for plain text; with csv, members go to a second file.</source>
        <translation>Endung .xlsx für eine Excel-Arbeitsmappe oder .csv für reinen Text; bei CSV kommen die Mitglieder in eine zweite Datei.</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="65"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="116"/>
        <source>Excel workbook (*.xlsx);;CSV text (*.csv)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV-Text (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="125"/>
        <source>Choose a file ending in .xlsx or .csv.</source>
        <translation>Wählen Sie eine Datei mit der Endung .xlsx oder .csv.</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="127"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../ui/filter_bar.py" line="32"/>
        <source>Code contains…</source>
        <extracomment>How long typing must pause before the list follows it.</extracomment>
        <translation>Code enthält…</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="34"/>
        <source>Code filter</source>
        <translation>Codefilter</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="36"/>
        <source>Name or description contains…</source>
        <translation>Name oder Beschreibung enthält…</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="38"/>
        <source>Name or description filter</source>
        <translation>Filter für Name oder Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="40"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="40"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="41"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="43"/>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="44"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="45"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="56"/>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="58"/>
        <source>&amp;Name / description</source>
        <translation>&amp;Name / Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="60"/>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <location filename="../ui/models/grid_model.py" line="163"/>
        <source>Code</source>
        <extracomment>Columns before the groups&apos;: code, name, status.</extracomment>
        <translation>Kundennr.</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="163"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="163"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="168"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="168"/>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="188"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="189"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="201"/>
        <source>{customer} in {group}</source>
        <translation>{customer} in {group}</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="207"/>
        <source>{customer} will be added to {group} on Save</source>
        <translation>{customer} wird beim Speichern zu {group} hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="208"/>
        <source>{customer} will be removed from {group} on Save</source>
        <translation>{customer} wird beim Speichern aus {group} entfernt</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="210"/>
        <source>{customer} is in {group}</source>
        <translation>{customer} ist in {group}</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="211"/>
        <source>{customer} is not in {group}</source>
        <translation>{customer} ist nicht in {group}</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="224"/>
        <source>{customer} is inactive, and inactive customers join no group.</source>
        <translation>{customer} ist inaktiv, und inaktive Kunden werden keiner Gruppe hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../ui/models/grid_model.py" line="228"/>
        <source>{group} is inactive: activate it before adding customers.</source>
        <translation>{group} ist inaktiv: Aktivieren Sie die Gruppe, bevor Sie Kunden hinzufügen.</translation>
    </message>
</context>
<context>
    <name>GroupChooser</name>
    <message>
        <location filename="../ui/group_chooser.py" line="30"/>
        <source>Choose Groups</source>
        <translation>Gruppen auswählen</translation>
    </message>
    <message>
        <location filename="../ui/group_chooser.py" line="32"/>
        <source>Code or name contains…</source>
        <translation>Code oder Name enthält…</translation>
    </message>
    <message>
        <location filename="../ui/group_chooser.py" line="36"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location filename="../ui/group_chooser.py" line="38"/>
        <source> (inactive)</source>
        <translation> (inaktiv)</translation>
    </message>
    <message>
        <location filename="../ui/group_chooser.py" line="48"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../ui/group_chooser.py" line="51"/>
        <source>Show these groups as the grid&apos;s columns (Space ticks the group under the cursor):</source>
        <translation>Diese Gruppen als Spalten der Ansicht zeigen (die Leertaste setzt das Häkchen bei der aktuellen Gruppe):</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../ui/group_form.py" line="104"/>
        <source>Assigned on save, e.g. CG-000013</source>
        <translation>Wird beim Speichern vergeben, z. B. CG-000013</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="106"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="107"/>
        <source>Copy the group code</source>
        <translation>Gruppencode kopieren</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="116"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="126"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="129"/>
        <source>Save the group and its members (Ctrl+S)</source>
        <translation>Gruppe und Mitglieder speichern (Strg+S)</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="154"/>
        <source>Group &amp;Code</source>
        <translation>Gruppen&amp;code</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="158"/>
        <source>Group &amp;Name</source>
        <translation>Gruppen&amp;name</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="161"/>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="164"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="189"/>
        <source>Edit Customer Group {code}</source>
        <translation>Kundengruppe {code} bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="190"/>
        <source>Add New Customer Group</source>
        <translation>Neue Kundengruppe anlegen</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="367"/>
        <source>Save or cancel your changes first: moving and copying customers are saved at once.</source>
        <translation>Speichern oder verwerfen Sie zuerst Ihre Änderungen: Das Verschieben und Kopieren von Kunden wird sofort gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="384"/>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="385"/>
        <source>This group has changes that are not saved. Discard them?</source>
        <translation>Diese Gruppe enthält nicht gespeicherte Änderungen. Möchten Sie sie verwerfen?</translation>
    </message>
    <message>
        <location filename="../ui/group_form.py" line="386"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>GroupTable</name>
    <message>
        <location filename="../ui/group_table.py" line="44"/>
        <source>Customer groups</source>
        <extracomment>What each column must show whole, to size it by the font in use; the description takes the room left over, and shows its whole text in a tooltip.</extracomment>
        <translation>Kundengruppen</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <location filename="../ui/models/group_model.py" line="50"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../ui/models/group_model.py" line="50"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/models/group_model.py" line="50"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/models/group_model.py" line="51"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/models/group_model.py" line="51"/>
        <source>No. of Customers</source>
        <translation>Anzahl Kunden</translation>
    </message>
    <message>
        <location filename="../ui/models/group_model.py" line="52"/>
        <source>Last updated</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location filename="../ui/models/group_model.py" line="78"/>
        <source>Last updated by {who}</source>
        <translation>Zuletzt geändert von {who}</translation>
    </message>
    <message>
        <location filename="../ui/models/group_model.py" line="98"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/models/group_model.py" line="98"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../ui/history_view.py" line="102"/>
        <source>History of {code} {name}</source>
        <translation>Verlauf von {code} {name}</translation>
    </message>
    <message>
        <location filename="../ui/history_view.py" line="107"/>
        <source>Changes to the group, newest first</source>
        <translation>Änderungen an der Gruppe, neueste zuerst</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/history_view.py" line="112"/>
        <source>%Ln change(s), newest first. Point at the codes to see them all; export for the complete list.</source>
        <translation>
            <numerusform>%Ln Änderung, neueste zuerst. Zeigen Sie mit der Maus auf die Kundennummern, um alle zu sehen; die vollständige Liste erhalten Sie per Export.</numerusform>
            <numerusform>%Ln Änderungen, neueste zuerst. Zeigen Sie mit der Maus auf die Kundennummern, um alle zu sehen; die vollständige Liste erhalten Sie per Export.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/history_view.py" line="115"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/history_view.py" line="119"/>
        <source>&amp;Revert…</source>
        <translation>&amp;Rückgängig machen…</translation>
    </message>
    <message>
        <location filename="../ui/history_view.py" line="120"/>
        <source>Undo the selected change: it opens in the editor, to check and save like any edit</source>
        <translation>Die ausgewählte Änderung rückgängig machen: Sie wird im Bearbeitungsfenster geöffnet und wie jede andere Bearbeitung geprüft und gespeichert</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../ui/history_view.py" line="47"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../ui/history_view.py" line="47"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../ui/history_view.py" line="47"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../ui/history_view.py" line="48"/>
        <source>Customer codes</source>
        <translation>Kundennummern</translation>
    </message>
    <message>
        <location filename="../ui/history_view.py" line="64"/>
        <source> and {n} more</source>
        <translation> und {n} weitere</translation>
    </message>
</context>
<context>
    <name>HistoryThen</name>
    <message>
        <location filename="../ui/history_then.py" line="87"/>
        <source>Members on</source>
        <translation>Mitglieder am</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="88"/>
        <source>Changes until</source>
        <translation>Änderungen bis</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="89"/>
        <source>Show &amp;Members on</source>
        <translation>&amp;Mitglieder zeigen am</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="91"/>
        <source>Show &amp;Changes from then until</source>
        <translation>Än&amp;derungen von da an bis</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="93"/>
        <source>E&amp;xport These…</source>
        <translation>Diese e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="98"/>
        <source>Pick a moment to see the group as it stood.</source>
        <translation>Wählen Sie einen Zeitpunkt, um den damaligen Stand der Gruppe zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="103"/>
        <source>Members then, or the changes between</source>
        <translation>Damalige Mitglieder oder Änderungen im Zeitraum</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/history_then.py" line="138"/>
        <source>On {when} the group had %Ln member(s).</source>
        <translation>
            <numerusform>Am {when} hatte die Gruppe %Ln Mitglied.</numerusform>
            <numerusform>Am {when} hatte die Gruppe %Ln Mitglieder.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="144"/>
        <source>{start} and {end}</source>
        <translation>{start} und {end}</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="152"/>
        <source>Between {when}: {added} added, {removed} removed.</source>
        <translation>Zwischen {when}: {added} hinzugefügt, {removed} entfernt.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../ui/import_preview.py" line="42"/>
        <source>Import Customers</source>
        <extracomment>Columns a customer file may leave out; what is stored there is then left alone.</extracomment>
        <translation>Kunden importieren</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="49"/>
        <source>{file} lists {rows} customers (sheet &apos;{sheet}&apos;).</source>
        <translation>{file} enthält {rows} Kunden (Tabellenblatt „{sheet}“).</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="57"/>
        <source>The file has no column for {fields}: what is stored there stays as it is.</source>
        <translation>Die Datei hat keine Spalte für {fields}: Die gespeicherten Werte bleiben unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="64"/>
        <source>Empty cells clear the field</source>
        <translation>Leere Zellen löschen den Feldinhalt</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="71"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="111"/>
        <source>New customers to add: {n}</source>
        <translation>Neu anzulegende Kunden: {n}</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="112"/>
        <source>Customers to update: {n}</source>
        <translation>Zu aktualisierende Kunden: {n}</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="118"/>
        <source>Inactive customers to reactivate: {n}</source>
        <translation>Wieder zu aktivierende Kunden: {n}</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="121"/>
        <source>Active customers to deactivate: {n}</source>
        <translation>Zu deaktivierende Kunden: {n}</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="124"/>
        <source>Unchanged, left as they are: {n}</source>
        <translation>Unverändert: {n}</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="127"/>
        <source>Nothing to import: every customer in the file matches what is stored.</source>
        <translation>Nichts zu importieren: Alle Kunden in der Datei entsprechen dem gespeicherten Stand.</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="132"/>
        <source>No empty cell in this file would change anything either way.</source>
        <translation>Leere Zellen in dieser Datei würden in keinem Fall etwas ändern.</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="134"/>
        <source>An empty cell clears what is stored in that field (an empty status means Active).</source>
        <translation>Eine leere Zelle löscht den gespeicherten Wert dieses Felds (ein leerer Status bedeutet „Aktiv“).</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="137"/>
        <source>An empty cell leaves what is stored in that field as it is.</source>
        <translation>Eine leere Zelle lässt den gespeicherten Wert dieses Felds unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="141"/>
        <source>code spelling</source>
        <translation>Schreibweise der Kundennr.</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="141"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="142"/>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="142"/>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="142"/>
        <source>city</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="143"/>
        <source>country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../ui/import_preview.py" line="143"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="81"/>
        <source>Customer Groups — {db}</source>
        <extracomment>No list query is pending: the list shows the answer to the newest one (or its failure).</extracomment>
        <translation>Kundengruppen — {db}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="104"/>
        <source>&amp;Add New…</source>
        <translation>&amp;Neue Gruppe…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="106"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="107"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="109"/>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="111"/>
        <source>&amp;Compare…</source>
        <translation>Ver&amp;gleichen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="113"/>
        <source>D&amp;uplicate…</source>
        <translation>D&amp;uplizieren…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="115"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="117"/>
        <source>&amp;Import Customers…</source>
        <translation>Kunden &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="119"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="121"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="123"/>
        <source>&amp;Customers</source>
        <translation>&amp;Kunden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="125"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="170"/>
        <source>Database: {db} · You: {who}</source>
        <translation>Datenbank: {db} · Benutzer: {who}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="179"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="181"/>
        <source>&amp;Group</source>
        <translation>&amp;Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="182"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="197"/>
        <source>Create a customer group (Ctrl+N)</source>
        <translation>Eine Kundengruppe anlegen (Strg+N)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="199"/>
        <source>Export the selected groups, or every group the filters match (Ctrl+E)</source>
        <translation>Die ausgewählten Gruppen exportieren oder alle, die zu den Filtern passen (Strg+E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="201"/>
        <source>Compare the selected groups: who is in both, in either, in one only (Ctrl+Shift+C)</source>
        <translation>Die ausgewählten Gruppen vergleichen: wer in beiden, in mindestens einer, nur in einer ist (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="203"/>
        <source>A new group like the selected one</source>
        <translation>Eine neue Gruppe wie die ausgewählte</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="349"/>
        <source>Created {code} {name}.</source>
        <translation>{code} {name} angelegt.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="375"/>
        <source>Saved {code} {name}.</source>
        <translation>{code} {name} gespeichert.</translation>
    </message>
</context>
<context>
    <name>MatchPreviewDialog</name>
    <message>
        <location filename="../ui/match_preview.py" line="37"/>
        <source>Make Group Match List</source>
        <translation>Gruppe an Liste angleichen</translation>
    </message>
    <message>
        <location filename="../ui/match_preview.py" line="40"/>
        <source>These members are not in the list and will be removed. Untick any that should stay.</source>
        <translation>Diese Mitglieder stehen nicht in der Liste und werden entfernt. Entfernen Sie das Häkchen bei allen, die bleiben sollen.</translation>
    </message>
    <message>
        <location filename="../ui/match_preview.py" line="44"/>
        <source>Members the list would remove</source>
        <translation>Mitglieder, die die Liste entfernen würde</translation>
    </message>
    <message>
        <location filename="../ui/match_preview.py" line="56"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/match_preview.py" line="59"/>
        <source>Keep All</source>
        <translation>Alle behalten</translation>
    </message>
    <message>
        <location filename="../ui/match_preview.py" line="61"/>
        <source>Remove All</source>
        <translation>Alle entfernen</translation>
    </message>
    <message>
        <location filename="../ui/match_preview.py" line="92"/>
        <source>Remove {n} · keep {kept} of them · add {added}</source>
        <translation>{n} entfernen · davon {kept} behalten · {added} hinzufügen</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../ui/models/members_model.py" line="61"/>
        <source>Code</source>
        <extracomment>The pending changes as undo keeps them: added, expected, removed, and how each came.</extracomment>
        <translation>Kundennr.</translation>
    </message>
    <message>
        <location filename="../ui/models/members_model.py" line="61"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/models/members_model.py" line="61"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../ui/models/members_model.py" line="61"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/models/members_model.py" line="62"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/models/members_model.py" line="62"/>
        <source>Member since</source>
        <translation>Mitglied seit</translation>
    </message>
    <message>
        <location filename="../ui/models/members_model.py" line="62"/>
        <source>Added by</source>
        <translation>Hinzugefügt von</translation>
    </message>
    <message>
        <location filename="../ui/models/members_model.py" line="387"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/models/members_model.py" line="387"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../ui/models/members_model.py" line="390"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../ui/models/members_model.py" line="390"/>
        <source>to remove</source>
        <translation>wird entfernt</translation>
    </message>
    <message>
        <location filename="../ui/models/members_model.py" line="393"/>
        <source>In the group since {when}, added by {who}</source>
        <translation>Seit {when} in der Gruppe, hinzugefügt von {who}</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <location filename="../ui/members_panel.py" line="83"/>
        <source>Filter members by code or name…</source>
        <extracomment>The filter waits for this pause in typing before it scans the members. Members shown at once when a group opens, before the rest are read. The last list applied, which the history names as the source of the changes.</extracomment>
        <translation>Mitglieder nach Kundennr. oder Name filtern…</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="88"/>
        <source>All members</source>
        <translation>Alle Mitglieder</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="89"/>
        <source>Active customers</source>
        <translation>Aktive Kunden</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="90"/>
        <source>Inactive customers</source>
        <translation>Inaktive Kunden</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="91"/>
        <source>Pending changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="93"/>
        <source>Show members</source>
        <translation>Angezeigte Mitglieder</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="112"/>
        <source>Add Customers…</source>
        <translation>Kunden hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="114"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="115"/>
        <source>Remove the selected customers (Delete)</source>
        <translation>Die ausgewählten Kunden entfernen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="117"/>
        <source>Undo Change</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="118"/>
        <source>Undo the pending change on the selected rows</source>
        <translation>Die ungespeicherte Änderung in den ausgewählten Zeilen rückgängig machen</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="120"/>
        <source>Import from File…</source>
        <translation>Aus Datei importieren…</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="122"/>
        <source>Move to…</source>
        <translation>Verschieben nach…</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="123"/>
        <source>Move the selected customers to another group</source>
        <translation>Die ausgewählten Kunden in eine andere Gruppe verschieben</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="125"/>
        <source>Copy to…</source>
        <translation>Kopieren nach…</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="126"/>
        <source>Copy the selected customers to another group</source>
        <translation>Die ausgewählten Kunden in eine andere Gruppe kopieren</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="131"/>
        <source>Activate the group to add customers.</source>
        <translation>Aktivieren Sie die Gruppe, um Kunden hinzuzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="143"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="163"/>
        <source>Paste Codes (Alt+P)</source>
        <translation>Kundennummern einfügen (Alt+P)</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="193"/>
        <source>Loading members…</source>
        <translation>Mitglieder werden geladen…</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="205"/>
        <source>The members could not be read.</source>
        <translation>Die Mitglieder konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="267"/>
        <source>{shown} of {total}</source>
        <translation>{shown} von {total}</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="274"/>
        <source>{n} to add</source>
        <translation>{n} hinzuzufügen</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="276"/>
        <source>{n} to remove</source>
        <translation>{n} zu entfernen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/members_panel.py" line="298"/>
        <source>Remove the %Ln Inactive Customer(s)</source>
        <translation>
            <numerusform>%Ln inaktiven Kunden entfernen</numerusform>
            <numerusform>%Ln inaktive Kunden entfernen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="322"/>
        <source>The customers could not be added: {reason}</source>
        <translation>Die Kunden konnten nicht hinzugefügt werden: {reason}</translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="346"/>
        <source>Empty the group?</source>
        <translation>Gruppe leeren?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/members_panel.py" line="347"/>
        <source>The list names none of the %Ln member(s), so matching it would remove every one of them and add nobody. Remove all %Ln?</source>
        <translation>
            <numerusform>Die Liste nennt kein Mitglied der Gruppe (%Ln Mitglied), daher würde das Angleichen es entfernen und niemanden hinzufügen. %Ln Mitglied entfernen?</numerusform>
            <numerusform>Die Liste nennt keines der %Ln Mitglieder, daher würde das Angleichen alle entfernen und niemanden hinzufügen. Alle %Ln entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/members_panel.py" line="350"/>
        <source>Remove All</source>
        <translation>Alle entfernen</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <location filename="../ui/pager.py" line="34"/>
        <source>First page</source>
        <translation>Erste Seite</translation>
    </message>
    <message>
        <location filename="../ui/pager.py" line="35"/>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <location filename="../ui/pager.py" line="36"/>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <location filename="../ui/pager.py" line="37"/>
        <source>Last page</source>
        <translation>Letzte Seite</translation>
    </message>
    <message>
        <location filename="../ui/pager.py" line="41"/>
        <source>{what} ({keys})</source>
        <translation>{what} ({keys})</translation>
    </message>
    <message>
        <location filename="../ui/pager.py" line="56"/>
        <location filename="../ui/pager.py" line="61"/>
        <source>Rows per page</source>
        <translation>Zeilen pro Seite</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pager.py" line="86"/>
        <source>Showing {first}–{last} of %Ln group(s)</source>
        <translation>
            <numerusform>{first}–{last} von %Ln Gruppe</numerusform>
            <numerusform>{first}–{last} von %Ln Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pager.py" line="90"/>
        <source>No groups match these filters</source>
        <translation>Keine Gruppe passt zu diesen Filtern</translation>
    </message>
    <message>
        <location filename="../ui/pager.py" line="92"/>
        <source>No groups yet</source>
        <translation>Noch keine Gruppen</translation>
    </message>
    <message>
        <location filename="../ui/pager.py" line="93"/>
        <source>Page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../ui/password_dialog.py" line="32"/>
        <source>Password Needed</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/password_dialog.py" line="36"/>
        <source>The database server wants the password of {user} for {database}.</source>
        <translation>Der Datenbankserver verlangt das Passwort von {user} für {database}.</translation>
    </message>
    <message>
        <location filename="../ui/password_dialog.py" line="39"/>
        <source>The database server wants a password for {database}.</source>
        <translation>Der Datenbankserver verlangt ein Passwort für {database}.</translation>
    </message>
    <message>
        <location filename="../ui/password_dialog.py" line="47"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/password_dialog.py" line="50"/>
        <source>&amp;Remember it in the system keychain</source>
        <translation>Im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <location filename="../ui/password_dialog.py" line="51"/>
        <source>Remember the password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems merken</translation>
    </message>
    <message>
        <location filename="../ui/password_dialog.py" line="59"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/password_dialog.py" line="60"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/password_dialog.py" line="62"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/password_dialog.py" line="67"/>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <location filename="../ui/password_dialog.py" line="100"/>
        <source>Type the password, or choose Cancel.</source>
        <translation>Geben Sie das Passwort ein oder wählen Sie „Abbrechen“.</translation>
    </message>
</context>
<context>
    <name>PasteBox</name>
    <message>
        <location filename="../ui/paste_box.py" line="100"/>
        <source>Pasted customer codes</source>
        <extracomment>What the editor&apos;s members are when a list is planned: those that stay, and the pending additions (see :meth:`MembersModel.standing`). The file the codes in the box were read from (&quot;&quot; when typed or pasted).</extracomment>
        <translation>Eingefügte Kundennummern</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="102"/>
        <source>Paste customer codes: one per line, or separated by commas, semicolons, tabs or spaces. A block copied from Excel gives its first column.</source>
        <translation>Kundennummern einfügen: eine pro Zeile oder getrennt durch Kommas, Semikolons, Tabulatoren oder Leerzeichen. Aus einem in Excel kopierten Block wird die erste Spalte übernommen.</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="108"/>
        <source>Add listed</source>
        <translation>Aufgeführte hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="109"/>
        <source>Remove listed</source>
        <translation>Aufgeführte entfernen</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="110"/>
        <source>Make group match list</source>
        <translation>Gruppe an Liste angleichen</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="112"/>
        <source>What the list does</source>
        <translation>Wirkung der Liste</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="117"/>
        <location filename="../ui/paste_box.py" line="185"/>
        <source>&amp;Add Recognised</source>
        <translation>Erkannte &amp;aufnehmen</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="119"/>
        <source>Copy Unknown Codes</source>
        <translation>Unbekannte Nummern kopieren</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="128"/>
        <source>&amp;Mode</source>
        <translation>&amp;Modus</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="186"/>
        <source>&amp;Apply: Remove Listed</source>
        <translation>&amp;Anwenden: Aufgeführte entfernen</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="187"/>
        <source>&amp;Apply: Match List</source>
        <translation>&amp;Anwenden: An Liste angleichen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/paste_box.py" line="216"/>
        <source>The paste box holds a list that would make %Ln change(s), and an inactive group takes none: activate the group and apply it, or clear the box, before saving.</source>
        <translation>
            <numerusform>Das Einfügefeld enthält eine Liste, die %Ln Änderung bewirken würde, doch eine inaktive Gruppe nimmt keine Änderungen an: Aktivieren Sie die Gruppe und wenden Sie die Liste an, oder leeren Sie das Feld, bevor Sie speichern.</numerusform>
            <numerusform>Das Einfügefeld enthält eine Liste, die %Ln Änderungen bewirken würde, doch eine inaktive Gruppe nimmt keine Änderungen an: Aktivieren Sie die Gruppe und wenden Sie die Liste an, oder leeren Sie das Feld, bevor Sie speichern.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/paste_box.py" line="220"/>
        <source>The paste box holds %Ln recognised customer(s) not added yet: press {button} ({keys}), or clear the box, before saving.</source>
        <translation>
            <numerusform>Das Einfügefeld enthält %Ln erkannten Kunden, der noch nicht hinzugefügt ist: Wählen Sie „{button}“ ({keys}), oder leeren Sie das Feld, bevor Sie speichern.</numerusform>
            <numerusform>Das Einfügefeld enthält %Ln erkannte Kunden, die noch nicht hinzugefügt sind: Wählen Sie „{button}“ ({keys}), oder leeren Sie das Feld, bevor Sie speichern.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/paste_box.py" line="224"/>
        <source>The list in the paste box would make %Ln change(s) not applied yet: press {button} ({keys}), or clear the box, before saving.</source>
        <translation>
            <numerusform>Die Liste im Einfügefeld würde %Ln Änderung bewirken, die noch nicht angewendet ist: Wählen Sie „{button}“ ({keys}), oder leeren Sie das Feld, bevor Sie speichern.</numerusform>
            <numerusform>Die Liste im Einfügefeld würde %Ln Änderungen bewirken, die noch nicht angewendet sind: Wählen Sie „{button}“ ({keys}), oder leeren Sie das Feld, bevor Sie speichern.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="256"/>
        <source>Checking the codes…</source>
        <translation>Kundennummern werden geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="271"/>
        <source>Checking the codes… {percent}%</source>
        <translation>Kundennummern werden geprüft… {percent} %</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="289"/>
        <source>Nothing pasted yet.</source>
        <translation>Noch nichts eingefügt.</translation>
    </message>
    <message>
        <location filename="../ui/paste_box.py" line="294"/>
        <source> · kept whole, as numbers with thousands separators: {numbers} (to paste them as separate codes, put a space or a new line between)</source>
        <translation> · jeweils als eine Zahl mit Tausendertrennzeichen gelesen: {numbers} (um sie als einzelne Nummern einzufügen, trennen Sie sie durch ein Leerzeichen oder einen Zeilenumbruch)</translation>
    </message>
</context>
<context>
    <name>PickerModel</name>
    <message>
        <location filename="../ui/customer_picker.py" line="67"/>
        <source>Code</source>
        <extracomment>Rows fetched at a time as the clerk scrolls.</extracomment>
        <translation>Kundennr.</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="67"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="67"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="67"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="148"/>
        <source>In the group</source>
        <translation>In der Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="149"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="149"/>
        <source>Inactive: cannot be added</source>
        <translation>Inaktiv: kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="161"/>
        <source>Already in this group</source>
        <translation>Bereits in dieser Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/customer_picker.py" line="163"/>
        <source>Inactive customers are not added to groups; activate the customer in the ERP first.</source>
        <translation>Inaktive Kunden werden keinen Gruppen hinzugefügt; aktivieren Sie den Kunden zuerst im ERP-System.</translation>
    </message>
</context>
<context>
    <name>RegionModel</name>
    <message>
        <location filename="../ui/compare_dialog.py" line="59"/>
        <source>Code</source>
        <translation>Kundennr.</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="59"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="59"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="70"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/compare_dialog.py" line="70"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
</context>
<context>
    <name>ThenModel</name>
    <message>
        <location filename="../ui/history_then.py" line="51"/>
        <source>Customer code</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="51"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="51"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="52"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="52"/>
        <source>By</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="52"/>
        <source>How</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="62"/>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/history_then.py" line="62"/>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <location filename="../ui/about_dialog.py" line="59"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.py" line="60"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.py" line="67"/>
        <source>&amp;About custgroups</source>
        <translation>&amp;Über custgroups</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../ui/history_view.py" line="86"/>
        <source>Export History</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <location filename="../ui/history_view.py" line="88"/>
        <source>Excel workbook (*.xlsx);;CSV text (*.csv)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV-Text (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/history_view.py" line="90"/>
        <source>Exporting history…</source>
        <translation>Verlauf wird exportiert…</translation>
    </message>
    <message>
        <location filename="../ui/revert_editor.py" line="34"/>
        <source>{n} of the customers that change touched need nothing now, or cannot join (inactive): they are left as they are.</source>
        <translation>Für {n} der von dieser Änderung betroffenen Kunden ist jetzt nichts zu tun, oder sie können nicht aufgenommen werden (inaktiv); diese bleiben unverändert.</translation>
    </message>
</context>
<context>
    <name>long_job</name>
    <message>
        <location filename="../ui/long_job.py" line="22"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../ui/messages.py" line="38"/>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../ui/window_actions.py" line="54"/>
        <source>Actions</source>
        <extracomment>A separator in a list of actions.</extracomment>
        <translation>Aktionen</translation>
    </message>
</context>
</TS>
