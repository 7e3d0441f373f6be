//! PageRank with a restart (personalization) distribution, by power iteration.

/// Stationary distribution of a random walk over `graph` (row i lists the
/// weighted edges leaving i) that follows an edge with probability `damping`
/// and otherwise restarts according to `restart` (normalized here; uniform
/// when it sums to zero). Rows without edges restart too. Sums run in a fixed
/// order, so the result is the same on every run and thread count.
pub fn pagerank(graph: &[Vec<(u32, f64)>], restart: &[f64], damping: f64) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let total: f64 = restart.iter().sum();
    let restart: Vec<f64> = if total > 0.0 {
        restart.iter().map(|r| r / total).collect()
    } else {
        vec![1.0 / n as f64; n]
    };
    let out_sums: Vec<f64> = graph
        .iter()
        .map(|row| row.iter().map(|(_, w)| w).sum())
        .collect();
    let mut p = restart.clone();
    let mut next = vec![0.0; n];
    for _ in 0..200 {
        let dangling: f64 = (0..n).filter(|&i| out_sums[i] <= 0.0).map(|i| p[i]).sum();
        for (j, x) in next.iter_mut().enumerate() {
            *x = (1.0 - damping + damping * dangling) * restart[j];
        }
        for (i, row) in graph.iter().enumerate() {
            if out_sums[i] <= 0.0 {
                continue;
            }
            let share = damping * p[i] / out_sums[i];
            for &(j, w) in row {
                next[j as usize] += share * w;
            }
        }
        let delta: f64 = p.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut p, &mut next);
        if delta < 1e-9 {
            break;
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_ranks_first_and_mass_is_one() {
        let w = vec![vec![(1, 1.0)], vec![(0, 1.0), (2, 1.0)], vec![(1, 1.0)]];
        let p = pagerank(&w, &[1.0, 1.0, 1.0], 0.85);
        assert!(p[1] > p[0] && p[1] > p[2]);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn no_edges_gives_the_restart_distribution() {
        let w = vec![Vec::new(); 3];
        let p = pagerank(&w, &[2.0, 1.0, 1.0], 0.85);
        assert!((p[0] - 0.5).abs() < 1e-9 && (p[1] - 0.25).abs() < 1e-9);
        assert!(p.iter().all(|x| x.is_finite()));
    }
}
