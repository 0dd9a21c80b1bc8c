/** Whole percent of `total`; a band that holds anyone never reads "0%". */
export const shareOf = (count: number, total: number): string => {
  if (total === 0 || count === 0) return '0%';
  const percent = Math.round((100 * count) / total);
  return percent === 0 ? '<1%' : `${percent}%`;
};
