/** Colours offered for tags (and given to tags made on the fly, in turn). */
export const TAG_PALETTE = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#13c2c2', '#f5222d', '#faad14', '#2f54eb', '#8c8c8c'];
