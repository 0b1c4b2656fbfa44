/** An accessible data table: a caption, column headers with scope, numbers right-aligned. */
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { visuallyHidden } from '@mui/utils';
import type { ReactNode } from 'react';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

export function DataTable<Row>({ caption, columns, rows, rowKey, captionVisible = false }: {
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  captionVisible?: boolean;
}) {
  return (
    <TableContainer>
      <Table size="small">
        <caption style={captionVisible ? { captionSide: 'top', textAlign: 'left', padding: '4px 0' } : visuallyHidden}>{caption}</caption>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c.header} scope="col" align={c.numeric ? 'right' : 'left'} sx={{ fontWeight: 600 }}>
                {c.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={rowKey(row, i)}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <TableCell key={c.header} component="th" scope="row" align={c.numeric ? 'right' : 'left'}>{c.cell(row)}</TableCell>
                ) : (
                  <TableCell key={c.header} align={c.numeric ? 'right' : 'left'} sx={c.numeric ? { fontVariantNumeric: 'tabular-nums' } : undefined}>{c.cell(row)}</TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
