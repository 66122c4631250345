// Apache ECharts for st.echarts_chart: one copy per page, the _esm of a single library model.
import * as echarts from "echarts";

export default {
  initialize() {
    return { echarts };
  },
};
