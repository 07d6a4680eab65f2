<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
  <context>
    <name />
    <message numerus="yes">
      <location filename="../ui/selection.py" line="29" />
      <source>%Ln group(s) selected</source>
      <translation>
        <numerusform>%Ln group selected</numerusform>
        <numerusform>%Ln groups selected</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/selection.py" line="40" />
      <source>Deactivate %Ln group(s) with {customers} in all? Their customers stay in them, but none can be added until they are activated again.</source>
      <translation>
        <numerusform>Deactivate %Ln group with {customers} in all? Their customers stay in them, but none can be added until they are activated again.</numerusform>
        <numerusform>Deactivate %Ln groups with {customers} in all? Their customers stay in them, but none can be added until they are activated again.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/wording.py" line="28" />
      <source>%Ln customer(s)</source>
      <translation>
        <numerusform>%Ln customer</numerusform>
        <numerusform>%Ln customers</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/wording.py" line="33" />
      <source>%Ln group(s)</source>
      <translation>
        <numerusform>%Ln group</numerusform>
        <numerusform>%Ln groups</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/wording.py" line="38" />
      <source>%Ln changed tick(s)</source>
      <translation>
        <numerusform>%Ln changed tick</numerusform>
        <numerusform>%Ln changed ticks</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/wording.py" line="48" />
      <location filename="../ui/wording.py" line="66" />
      <source>%Ln duplicate(s)</source>
      <translation>
        <numerusform>%Ln duplicate</numerusform>
        <numerusform>%Ln duplicates</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/wording.py" line="138" />
      <source>Added %Ln customer(s)</source>
      <translation>
        <numerusform>Added %Ln customer</numerusform>
        <numerusform>Added %Ln customers</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/wording.py" line="140" />
      <source>Removed %Ln customer(s)</source>
      <translation>
        <numerusform>Removed %Ln customer</numerusform>
        <numerusform>Removed %Ln customers</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CompareDialog</name>
    <message numerus="yes">
      <location filename="../ui/compare_dialog.py" line="211" />
      <source>: %Ln customer(s)</source>
      <translation>
        <numerusform>: %Ln customer</numerusform>
        <numerusform>: %Ln customers</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/compare_dialog.py" line="253" />
      <source> (%Ln inactive customer(s) left out)</source>
      <translation>
        <numerusform> (%Ln inactive customer left out)</numerusform>
        <numerusform> (%Ln inactive customers left out)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message numerus="yes">
      <location filename="../ui/conflict_dialog.py" line="60" />
      <source>%Ln customer(s) added</source>
      <translation>
        <numerusform>%Ln customer added</numerusform>
        <numerusform>%Ln customers added</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/conflict_dialog.py" line="62" />
      <source>%Ln customer(s) removed</source>
      <translation>
        <numerusform>%Ln customer removed</numerusform>
        <numerusform>%Ln customers removed</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/conflict_dialog.py" line="65" />
      <source>%Ln customer(s) to add</source>
      <translation>
        <numerusform>%Ln customer to add</numerusform>
        <numerusform>%Ln customers to add</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/conflict_dialog.py" line="67" />
      <source>%Ln customer(s) to remove</source>
      <translation>
        <numerusform>%Ln customer to remove</numerusform>
        <numerusform>%Ln customers to remove</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CustomerGridPanel</name>
    <message numerus="yes">
      <location filename="../ui/customer_grid.py" line="212" />
      <source>%Ln group(s) I chose…</source>
      <translation>
        <numerusform>%Ln group I chose…</numerusform>
        <numerusform>%Ln groups I chose…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CustomersWindow</name>
    <message numerus="yes">
      <location filename="../ui/customers_window.py" line="217" />
      <source>Showing {first}–{last} of %Ln customer(s)</source>
      <translation>
        <numerusform>Showing {first}–{last} of %Ln customer</numerusform>
        <numerusform>Showing {first}–{last} of %Ln customers</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/customers_window.py" line="254" />
      <source>{code} {name} is in %Ln group(s).</source>
      <translation>
        <numerusform>{code} {name} is in %Ln group.</numerusform>
        <numerusform>{code} {name} is in %Ln groups.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DuplicateDialog</name>
    <message numerus="yes">
      <location filename="../ui/duplicate_dialog.py" line="38" />
      <source>Copy its %Ln member(s)</source>
      <translation>
        <numerusform>Copy its %Ln member</numerusform>
        <numerusform>Copy its %Ln members</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message numerus="yes">
      <location filename="../ui/export_dialog.py" line="36" />
      <source>Export the %Ln selected group(s), in the current order.</source>
      <translation>
        <numerusform>Export the %Ln selected group, in the current order.</numerusform>
        <numerusform>Export the %Ln selected groups, in the current order.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/export_dialog.py" line="39" />
      <source>Export the %Ln group(s) that the current filters match, in the current order — every page, not just this one.</source>
      <translation>
        <numerusform>Export the %Ln group that the current filters match, in the current order — every page, not just this one.</numerusform>
        <numerusform>Export the %Ln groups that the current filters match, in the current order — every page, not just this one.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message numerus="yes">
      <location filename="../ui/history_view.py" line="112" />
      <source>%Ln change(s), newest first. Point at the codes to see them all; export for the complete list.</source>
      <translation>
        <numerusform>%Ln change, newest first. Point at the codes to see them all; export for the complete list.</numerusform>
        <numerusform>%Ln changes, newest first. Point at the codes to see them all; export for the complete list.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HistoryThen</name>
    <message numerus="yes">
      <location filename="../ui/history_then.py" line="138" />
      <source>On {when} the group had %Ln member(s).</source>
      <translation>
        <numerusform>On {when} the group had %Ln member.</numerusform>
        <numerusform>On {when} the group had %Ln members.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MembersPanel</name>
    <message numerus="yes">
      <location filename="../ui/members_panel.py" line="298" />
      <source>Remove the %Ln Inactive Customer(s)</source>
      <translation>
        <numerusform>Remove the %Ln Inactive Customer</numerusform>
        <numerusform>Remove the %Ln Inactive Customers</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/members_panel.py" line="347" />
      <source>The list names none of the %Ln member(s), so matching it would remove every one of them and add nobody. Remove all %Ln?</source>
      <translation>
        <numerusform>The list names none of the %Ln member, so matching it would remove every one of them and add nobody. Remove all %Ln?</numerusform>
        <numerusform>The list names none of the %Ln members, so matching it would remove every one of them and add nobody. Remove all %Ln?</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Pager</name>
    <message numerus="yes">
      <location filename="../ui/pager.py" line="86" />
      <source>Showing {first}–{last} of %Ln group(s)</source>
      <translation>
        <numerusform>Showing {first}–{last} of %Ln group</numerusform>
        <numerusform>Showing {first}–{last} of %Ln groups</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PasteBox</name>
    <message numerus="yes">
      <location filename="../ui/paste_box.py" line="216" />
      <source>The paste box holds a list that would make %Ln change(s), and an inactive group takes none: activate the group and apply it, or clear the box, before saving.</source>
      <translation>
        <numerusform>The paste box holds a list that would make %Ln change, and an inactive group takes none: activate the group and apply it, or clear the box, before saving.</numerusform>
        <numerusform>The paste box holds a list that would make %Ln changes, and an inactive group takes none: activate the group and apply it, or clear the box, before saving.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/paste_box.py" line="220" />
      <source>The paste box holds %Ln recognised customer(s) not added yet: press {button} ({keys}), or clear the box, before saving.</source>
      <translation>
        <numerusform>The paste box holds %Ln recognised customer not added yet: press {button} ({keys}), or clear the box, before saving.</numerusform>
        <numerusform>The paste box holds %Ln recognised customers not added yet: press {button} ({keys}), or clear the box, before saving.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../ui/paste_box.py" line="224" />
      <source>The list in the paste box would make %Ln change(s) not applied yet: press {button} ({keys}), or clear the box, before saving.</source>
      <translation>
        <numerusform>The list in the paste box would make %Ln change not applied yet: press {button} ({keys}), or clear the box, before saving.</numerusform>
        <numerusform>The list in the paste box would make %Ln changes not applied yet: press {button} ({keys}), or clear the box, before saving.</numerusform>
      </translation>
    </message>
  </context>
</TS>
