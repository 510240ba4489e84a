/// Pairwise and B-cubed scores of a clustering against labels.
struct ClusteringQuality {
    var pairwisePrecision: Double
    var pairwiseRecall: Double
    var pairwiseF1: Double

    /// - Parameters:
    ///   - predicted: item → predicted cluster.
    ///   - truth: item → labelled cluster. Only items present in both are scored.
    init(predicted: [String: String], truth: [String: String]) {
        let items = truth.keys.filter { predicted[$0] != nil }.sorted()
        var truePositives = 0
        var predictedPairs = 0
        var truthPairs = 0
        for (index, first) in items.enumerated() {
            for second in items[(index + 1)...] {
                let samePredicted = predicted[first] == predicted[second]
                let sameTruth = truth[first] == truth[second]
                if samePredicted { predictedPairs += 1 }
                if sameTruth { truthPairs += 1 }
                if samePredicted && sameTruth { truePositives += 1 }
            }
        }
        pairwisePrecision = predictedPairs == 0 ? 1 : Double(truePositives) / Double(predictedPairs)
        pairwiseRecall = truthPairs == 0 ? 1 : Double(truePositives) / Double(truthPairs)
        let sum = pairwisePrecision + pairwiseRecall
        pairwiseF1 = sum == 0 ? 0 : 2 * pairwisePrecision * pairwiseRecall / sum
    }
}
