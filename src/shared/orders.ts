// Products, quotes and orders: catalogue, stock, quote → order, order status.
// Placeholder until its channels are written (issue #4).
export const ordersContract = {};
