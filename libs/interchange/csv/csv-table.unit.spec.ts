import { readCsvTable, writeCsvTable } from './csv-table';

describe('CSV tables', () => {
  it('gives each row its line, skipping blank lines, with or without quoted fields', () => {
    const plain = readCsvTable('\uFEFFa,b\r\n1,2\r\n\r\n3,4');
    expect(plain).toEqual({ header: ['a', 'b'], rows: [{ line: 2, values: ['1', '2'] }, { line: 4, values: ['3', '4'] }] });
    const quoted = readCsvTable('a,b\n"x\ny",2\n\n"3",4\n');
    expect(quoted).toEqual({ header: ['a', 'b'], rows: [{ line: 3, values: ['x\ny', '2'] }, { line: 5, values: ['3', '4'] }] });
  });

  it('keeps rows with a wrong number of fields for the checks to report', () => {
    expect(readCsvTable('a,b\n1\n1,2,3\n').rows.map((row) => row.values.length)).toEqual([1, 3]);
  });

  it('writes fields quoted only when they need it, and reads them back', () => {
    const text = writeCsvTable(['a', 'b'], [['x, y', 'say "hi"'], ['1', '2']]);
    expect(text).toBe('a,b\n"x, y","say ""hi"""\n1,2\n');
    expect(readCsvTable(text).rows.map((row) => row.values)).toEqual([['x, y', 'say "hi"'], ['1', '2']]);
  });
});
