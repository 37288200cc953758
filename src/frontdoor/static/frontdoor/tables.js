// Tables reflow on a narrow screen (frontdoor.css): each row becomes a block and each cell is headed by
// its column's heading. This copies each column heading into its cells' data-label, and gives the table's
// parts their roles back, since a table displayed as blocks loses them in some browsers.
for (const table of document.querySelectorAll('table.govuk-table')) {
  const headings = [...table.querySelectorAll('thead tr:last-child th')].map((th) => th.textContent.trim())
  table.setAttribute('role', 'table')
  for (const group of table.querySelectorAll('thead, tbody, tfoot')) group.setAttribute('role', 'rowgroup')
  for (const row of table.querySelectorAll('tr')) {
    row.setAttribute('role', 'row')
    let column = 0
    for (const cell of row.children) {
      const inHead = cell.parentElement.parentElement.tagName === 'THEAD'
      if (cell.tagName === 'TH') {
        cell.setAttribute('role', inHead || cell.getAttribute('scope') === 'col' ? 'columnheader' : 'rowheader')
      } else {
        cell.setAttribute('role', 'cell')
      }
      const label = headings[column]
      const span = Number(cell.getAttribute('colspan') || 1)
      // A cell across several columns ("No notifications.") has no one heading.
      if (!inHead && label && span === 1 && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', label)
      column += span
    }
  }
  table.classList.add('fd-table--labelled')
}
